import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorBody, familyOf } from "@/lib/http/envelope";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// Runs before the API route handlers (/v1 and /api only), for what Next.js would otherwise
// answer itself, outside every family's envelope:
// - a path whose percent-escapes do not decode (/v1/users/%E0%A4%A) fails inside Next's router
//   with an HTML error page: the family answers its own 400 instead;
// - a method the route does not have would get an empty 405: the family's envelope with Allow.
export function proxy(req: NextRequest): Response {
  const raw = req.nextUrl.pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    const err = new AppError("bad_request", "path: malformed percent-escape", { field: "path" });
    return NextResponse.json(errorBody(familyOf(raw), err, req.headers.has("authorization")), { status: 400, headers: { "cache-control": "no-store" } });
  }
  return methodNotAllowed(req) ?? NextResponse.next();
}

export const config = { matcher: ["/v1/:path*", "/api/:path*"] };
