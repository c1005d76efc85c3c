import { FieldError } from "@/lib/errors";
import { openImage, sniffImageType, unreadable } from "@/lib/services/screenshots/image";

// What an uploaded profile picture becomes: its type is read from its bytes (PNG, JPEG or WebP,
// whatever its name or declared type), it is decoded once with a pixel cap, and stored as a
// 256×256 WebP (cropped to cover), so every stored avatar is small and in one known format.

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
/** Decoding limit: any photo a camera takes fits; a decompression bomb does not. */
export const MAX_AVATAR_PIXELS = 40_000_000;
export const AVATAR_SIZE = 256;


export async function prepareAvatar(bytes: Buffer): Promise<Buffer> {
  if (bytes.length > MAX_AVATAR_BYTES) {
    throw new FieldError("payload_too_large", "file", `larger than ${MAX_AVATAR_BYTES} bytes`);
  }
  const type = sniffImageType(bytes);
  if (!type) throw new FieldError("unsupported_media_type", "file", "must be a PNG, JPEG or WebP image");
  const { input } = await openImage(bytes, type, MAX_AVATAR_PIXELS);
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
