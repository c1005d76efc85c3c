import sharp, { type Metadata, type Sharp } from "sharp";
import { FieldError, invalidField } from "@/lib/errors";
import type { ImageExt } from "@/lib/storage/keys";

// What an uploaded screenshot becomes before it is stored: its type is read from its bytes,
// it is decoded once (a file that only looks like an image, or one of too many pixels, is
// refused), downscaled to a bounded working size, blurred when the organisation asks for it,
// and shrunk to a thumbnail.

export const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;
/**
 * Decoding limit: four 4K monitors side by side (33 megapixels) fit; a decompression bomb, or a
 * 59-megapixel PNG sent to make the server blur it (4.7 s), does not.
 */
export const MAX_SCREENSHOT_PIXELS = 40_000_000;
/**
 * The most pixels blurred or shrunk into a thumbnail: a larger upload is downscaled to this
 * first (keeping its aspect ratio), so blurring costs the same for any upload. 4 megapixels
 * is a 2560×1440 screen; a blurred screenshot keeps nothing finer anyway.
 */
export const WORK_PIXELS = 4_000_000;
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
  /**
   * The bytes to store: the upload itself, or its blurred copy (the original is then dropped),
   * downscaled to WORK_PIXELS.
   */
  file: Buffer;
  thumb: Buffer;
  /** Of the stored file. */
  width: number;
  height: number;
}

export const unreadable = () => invalidField("file", "is not a readable PNG, JPEG or WebP image");

/** The largest size of the same aspect ratio within WORK_PIXELS (the size itself when it fits). */
export function workSize(width: number, height: number): { width: number; height: number } {
  if (width * height <= WORK_PIXELS) return { width, height };
  const scale = Math.sqrt(WORK_PIXELS / (width * height));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

export async function prepareImage(bytes: Buffer, type: ImageType, opts: { blur: boolean }): Promise<PreparedImage> {
  const { input, meta } = await openImage(bytes, type, MAX_SCREENSHOT_PIXELS);

  try {
    // Decoded once, upright (EXIF orientations 5-8 swap the sides), and shrunk to the working
    // size before anything else touches the pixels.
    const swapped = (meta.orientation ?? 1) >= 5;
    const upright = swapped ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
    const size = workSize(upright.width, upright.height);
    const work = await input()
      .rotate()
      .resize({ ...size, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: work.info.width, height: work.info.height, channels: work.info.channels } };

    let pixels = work.data;
    let file = bytes;
    let stored = upright;
    if (opts.blur) {
      // Strong enough that text cannot be read at any screen size.
      const sigma = Math.max(6, Math.round(Math.max(work.info.width, work.info.height) / 120));
      pixels = await sharp(work.data, raw).blur(sigma).raw().toBuffer();
      const out = sharp(pixels, raw);
      file = type.format === "png" ? await out.png().toBuffer() : type.format === "jpeg" ? await out.jpeg({ quality: 80 }).toBuffer() : await out.webp({ quality: 80 }).toBuffer();
      stored = { width: work.info.width, height: work.info.height };
    }
    const thumb = await sharp(pixels, raw).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
    return { type, file, thumb, ...stored };
  } catch {
    throw unreadable();
  }
}

/**
 * Opens an upload for sharp, decoding at most `maxPixels` (a decompression bomb stops there), and
 * checks it is the type its bytes claim: 413 over the cap, 422 when sharp cannot read it. Shared
 * by screenshots and profile pictures.
 */
export async function openImage(bytes: Buffer, type: ImageType, maxPixels: number): Promise<{ input: () => Sharp; meta: Metadata }> {
  const input = () => sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", pages: 1 });
  const tooManyPixels = () => new FieldError("payload_too_large", "file", `images may have at most ${maxPixels} pixels`);
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw tooManyPixels();
    throw unreadable();
  }
  if (meta.format !== type.format || !meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > maxPixels) throw tooManyPixels();
  return { input, meta };
}
