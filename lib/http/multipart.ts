import { AppError } from "@/lib/errors";

const tooLarge = (max: number) => new AppError("payload_too_large", `body: larger than ${max} bytes`, { field: "body" });

/**
 * Reads a multipart/form-data body of at most `maxBytes`, counting the bytes as they arrive,
 * so a body without (or with a lying) Content-Length cannot grow past the limit.
 */
export async function readMultipart(req: Request, maxBytes: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError("unsupported_media_type", "body: must be multipart/form-data", { field: "body" });
  }
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "body: malformed multipart form data", { field: "body" });
  }
}
