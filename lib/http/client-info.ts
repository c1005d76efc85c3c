/**
 * The user agent and address a request came from, recorded on the session it opens and used by
 * the per-address sign-in throttle. The address is the last entry of X-Forwarded-For: the one the
 * proxy in front of the app added (a client can write the header's earlier entries, not that
 * one). Deploy behind a proxy that sets or appends it; a client talking to `next start` directly
 * can choose its address (the per-account throttle still applies).
 */
export function clientInfo(req: Request): { userAgent: string | null; ipAddress: string | null } {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return {
    userAgent: req.headers.get("user-agent"),
    ipAddress: forwarded || req.headers.get("x-real-ip") || null,
  };
}
