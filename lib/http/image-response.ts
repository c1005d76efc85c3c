/** The sandbox policy of file answers; next.config.ts applies the same one to these paths instead of the app's CSP. */
export const FILE_CSP = "sandbox; default-src 'none'";

/** A Content-Disposition filename that cannot break out of its quotes or carry a path. */
export function safeFilename(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "").slice(0, 100);
  return clean || "file";
}

/** Image bytes for an authorised request: cached briefly and only by the caller's browser. */
export function imageResponse(data: Buffer, contentType: string, filename: string): Response {
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(data.length),
      "cache-control": "private, max-age=60",
      "content-disposition": `inline; filename="${safeFilename(filename)}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": FILE_CSP,
    },
  });
}
