import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { currentCaller } from "@/lib/auth/current";
import { safeCallbackUrl } from "@/lib/auth/sign-in-errors";
import { pageOrigin } from "@/lib/auth/page-origin";

export const metadata: Metadata = { title: "Sign in · Timebase" };
export const dynamic = "force-dynamic";

type Search = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentCaller()) redirect(safeCallbackUrl(callbackUrl, "/app", await pageOrigin()));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in</CardTitle>
        <CardDescription>Welcome back. Sign in with your e-mail and password.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} initialError={typeof error === "string" ? error : undefined} />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <span>
          New to Timebase?{" "}
          <Link href="/sign-up" className="font-medium text-primary underline-offset-4 hover:underline">
            Create an organisation
          </Link>
        </span>
      </CardFooter>
    </Card>
  );
}
