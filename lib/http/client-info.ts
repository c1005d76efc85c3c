import { clientAddress } from "./origin";

/**
 * The user agent and address a request came from, recorded on the session it opens and used by
 * the per-address sign-in throttle. The address is decided by clientAddress (lib/http/origin.ts):
 * the X-Forwarded-For entry the trusted proxy added (TRUSTED_PROXY_COUNT from the right).
 */
export function clientInfo(req: Request): { userAgent: string | null; ipAddress: string | null } {
  return { userAgent: req.headers.get("user-agent"), ipAddress: clientAddress(req) };
}
