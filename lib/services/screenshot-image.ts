import sharp, { type Metadata } from "sharp";
import { AppError, invalidField } from "@/lib/errors";
import type { ImageExt } from "@/lib/storage/keys";

// What an uploaded screenshot becomes before it is stored: its type is read from its bytes,
// it is decoded once (a file that only looks like an image is refused), blurred when the
// organisation asks for it, and shrunk to a thumbnail.

export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;
/** Decoding limit: several 4K monitors side by side fit; a decompression bomb does not. */
export const MAX_SCREENSHOT_PIXELS = 60_000_000;
export const THUMB_WIDTH = 320;

export interface ImageType {
  mime: "image/png" | "image/jpeg" | "image/webp";
  ext: ImageExt;
  format: "png" | "jpeg" | "webp";
}

const PNG = { mime: "image/png", ext: "png", format: "png" } as const;
const JPEG = { mime: "image/jpeg", ext: "jpg", format: "jpeg" } as const;
const WEBP = { mime: "image/webp", ext: "webp", format: "webp" } as const;

/** PNG, JPEG or WebP by magic bytes; anything else is null, whatever its name or declared type. */
export function sniffImageType(b: Uint8Array): ImageType | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return PNG;
  if (at(0, 0xff, 0xd8, 0xff)) return JPEG;
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return WEBP;
  return null;
}

export interface PreparedImage {
  type: ImageType;
  /** The bytes to store: the upload itself, or its blurred copy (the original is then dropped). */
  file: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

const unreadable = () => invalidField("body.file", "is not a readable PNG, JPEG or WebP image");

export async function prepareImage(bytes: Buffer, type: ImageType, opts: { blur: boolean }): Promise<PreparedImage> {
  const input = () => sharp(bytes, { limitInputPixels: MAX_SCREENSHOT_PIXELS, failOn: "error", pages: 1 });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw tooManyPixels();
    throw unreadable();
  }
  if (meta.format !== type.format || !meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > MAX_SCREENSHOT_PIXELS) throw tooManyPixels();

  let file = bytes;
  try {
    if (opts.blur) {
      // Strong enough that text cannot be read at any screen size.
      const sigma = Math.max(6, Math.round(Math.max(meta.width, meta.height) / 120));
      const blurred = input().rotate().blur(sigma);
      file =
        type.format === "png" ? await blurred.png().toBuffer() : type.format === "jpeg" ? await blurred.jpeg({ quality: 80 }).toBuffer() : await blurred.webp({ quality: 80 }).toBuffer();
    }
    const thumb = await sharp(file, { limitInputPixels: MAX_SCREENSHOT_PIXELS, pages: 1 })
      .rotate()
      .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { type, file, thumb, width: meta.width, height: meta.height };
  } catch {
    throw unreadable();
  }
}

function tooManyPixels() {
  return new AppError("payload_too_large", `body.file: images may have at most ${MAX_SCREENSHOT_PIXELS} pixels`, { field: "body.file" });
}
