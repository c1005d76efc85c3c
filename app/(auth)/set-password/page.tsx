import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Set your password · Timebase" };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Set your password</CardTitle>
        <CardDescription>
          {token ? "Choose the password you will sign in with." : "This link is incomplete. Open the full link you were sent."}
        </CardDescription>
      </CardHeader>
      {token ? (
        <CardContent>
          <SetPasswordForm token={token} />
        </CardContent>
      ) : null}
    </Card>
  );
}
