import sharp, { type Metadata } from "sharp";
import { FieldError, invalidField } from "@/lib/errors";
import { sniffImageType } from "./screenshot-image";

// What an uploaded profile picture becomes: its type is read from its bytes (PNG, JPEG or WebP,
// whatever its name or declared type), it is decoded once with a pixel cap, and stored as a
// 256×256 WebP (cropped to cover), so every stored avatar is small and in one known format.

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
/** Decoding limit: any photo a camera takes fits; a decompression bomb does not. */
export const MAX_AVATAR_PIXELS = 40_000_000;
export const AVATAR_SIZE = 256;

const unreadable = () => invalidField("file", "is not a readable PNG, JPEG or WebP image");
const tooManyPixels = () => new FieldError("payload_too_large", "file", `images may have at most ${MAX_AVATAR_PIXELS} pixels`);

export async function prepareAvatar(bytes: Buffer): Promise<Buffer> {
  if (bytes.length > MAX_AVATAR_BYTES) {
    throw new FieldError("payload_too_large", "file", `larger than ${MAX_AVATAR_BYTES} bytes`);
  }
  const type = sniffImageType(bytes);
  if (!type) throw new FieldError("unsupported_media_type", "file", "must be a PNG, JPEG or WebP image");
  const input = () => sharp(bytes, { limitInputPixels: MAX_AVATAR_PIXELS, failOn: "error", pages: 1 });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw tooManyPixels();
    throw unreadable();
  }
  if (meta.format !== type.format || !meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > MAX_AVATAR_PIXELS) throw tooManyPixels();
  try {
    return await input()
      .rotate()
      .resize({ width: AVATAR_SIZE, height: AVATAR_SIZE, fit: "cover", position: "attention" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw unreadable();
  }
}
