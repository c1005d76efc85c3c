import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorBody, familyOf } from "@/lib/http/envelope";

// A path whose percent-escapes do not decode (/v1/users/%E0%A4%A) fails inside Next's router,
// before any route handler, with an HTML error page. The API families answer it as their own
// 400 instead; every other request passes untouched.
export function proxy(req: NextRequest): NextResponse | undefined {
  const raw = req.nextUrl.pathname;
  try {
    decodeURIComponent(raw);
    return undefined;
  } catch {
    const err = new AppError("bad_request", "path: malformed percent-escape", { field: "path" });
    return NextResponse.json(errorBody(familyOf(raw), err, req.headers.has("authorization")), { status: 400, headers: { "cache-control": "no-store" } });
  }
}

export const config = { matcher: ["/v1/:path*", "/api/:path*"] };
