/** Image bytes for an authorised request: cached briefly and only by the caller's browser. */
export function imageResponse(data: Buffer, contentType: string, filename: string): Response {
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(data.length),
      "cache-control": "private, max-age=60",
      "content-disposition": `inline; filename="${filename}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
