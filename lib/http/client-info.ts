/** The user agent and address a request came from, recorded on the session it opens. */
export function clientInfo(req: Request): { userAgent: string | null; ipAddress: string | null } {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    userAgent: req.headers.get("user-agent"),
    ipAddress: forwarded || req.headers.get("x-real-ip") || null,
  };
}
