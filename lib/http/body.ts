import { AppError } from "@/lib/errors";

export const tooLarge = (max: number) => new AppError("payload_too_large", `body: larger than ${max} bytes`, { field: "body" });

/**
 * Reads a request body of at most `max` bytes, counting bytes as they arrive and cancelling the
 * stream as soon as the limit is passed, so a body without (or with a lying) Content-Length is
 * never held whole. A declared Content-Length over the limit is refused before reading.
 */
export async function readBodyLimited(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge(max);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
