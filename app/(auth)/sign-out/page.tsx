import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentCaller } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Sign out · Timebase" };
export const dynamic = "force-dynamic";

// Signing out changes state, so it is a POST (a server action), never a plain GET link.
export default async function SignOutPage() {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign out</CardTitle>
        <CardDescription>You are signed in as {caller.email}. This ends your session on this device.</CardDescription>
      </CardHeader>
      <CardContent className="flex gap-3">
        <SignOutButton />
        <Button asChild variant="outline">
          <Link href="/app">Cancel</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
