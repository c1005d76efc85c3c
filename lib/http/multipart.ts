import { AppError } from "@/lib/errors";
import { readBodyLimited } from "./body";

/**
 * Reads a multipart/form-data body of at most `maxBytes`, counting the bytes as they arrive,
 * so a body without (or with a lying) Content-Length cannot grow past the limit.
 */
export async function readMultipart(req: Request, maxBytes: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError("unsupported_media_type", "body: must be multipart/form-data", { field: "body" });
  }
  const body = await readBodyLimited(req, maxBytes);
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "body: malformed multipart form data", { field: "body" });
  }
}
