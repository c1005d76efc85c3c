import { env } from "@/base/env";

// The one place that decides where a request came from and which origin the app answers on.
// Behind TRUSTED_PROXY_COUNT proxies (default 1), the client's address is the Nth entry of
// X-Forwarded-For counted from the right: the entries to its right were appended by proxies we
// trust, the ones to its left were written by the client and are ignored. With 0 the header is
// ignored entirely (the app is reached directly), and so are X-Forwarded-Host/-Proto.

function trustedProxies(): number {
  return env().TRUSTED_PROXY_COUNT;
}

/** The client's address, or null when the request does not say (no trusted forwarded entry). */
export function clientAddress(req: Request, n: number = trustedProxies()): string | null {
  if (n > 0) {
    const header = req.headers.get("x-forwarded-for");
    if (header) {
      const entries = header.split(",").map((e) => e.trim()).filter(Boolean);
      // fewer entries than proxies: the leftmost one is still a proxy's, not the client's choice
      const entry = entries.at(-Math.min(n, entries.length));
      if (entry) return entry.slice(0, 100);
    }
    const real = req.headers.get("x-real-ip")?.trim();
    if (real) return real.slice(0, 100);
  }
  return null;
}

/** Same, from the plain header record next-auth hands to its credentials provider. */
export function clientAddressFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const h = new Headers();
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v === "string") h.set(k, v);
    else if (Array.isArray(v)) h.set(k, v.join(", "));
  }
  return clientAddress(new Request("http://internal/", { headers: h }));
}

const firstValue = (v: string | null) => v?.split(",")[0]?.trim() || undefined;

/**
 * The origin links and same-origin checks use: APP_URL's origin when set, else the request's own
 * origin (with the trusted proxy's X-Forwarded-Host / X-Forwarded-Proto when TRUSTED_PROXY_COUNT > 0).
 */
export function appOrigin(req: Request, configured: string | undefined = env().APP_URL, proxies: number = trustedProxies()): string {
  if (configured) return new URL(configured).origin;
  const url = new URL(req.url);
  if (proxies > 0) {
    const host = firstValue(req.headers.get("x-forwarded-host"));
    const proto = firstValue(req.headers.get("x-forwarded-proto"));
    if (host || proto) {
      try {
        const p = proto === "https" || proto === "http" ? proto : url.protocol.replace(":", "");
        return new URL(`${p}://${host ?? url.host}`).origin;
      } catch {
        // a malformed forwarded host: fall back to the request's own origin
      }
    }
  }
  // Next builds the Request URL from the Host the client connected with
  return url.origin;
}

/** An absolute URL for a path on the app's origin. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
