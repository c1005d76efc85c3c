// GET, POST /api/auth/* – next-auth web sign-in (credentials), session and sign-out (revokes the server session)
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  return NextAuth(req, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
