import { NextResponse, type NextRequest } from "next/server";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

// Runs before the API route handlers: a method the route does not have answers 405 in the
// family's envelope with an Allow header (Next.js itself would send an empty 405).
export function proxy(req: NextRequest): Response {
  return methodNotAllowed(req) ?? NextResponse.next();
}

export const config = { matcher: ["/v1/:path*", "/api/:path*"] };
