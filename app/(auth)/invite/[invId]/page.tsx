import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AppError } from "@/lib/errors";
import { invitationByToken } from "@/lib/services/accounts";

export const metadata: Metadata = { title: "Accept invitation · Timebase" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ invId: string }>; searchParams: Promise<{ token?: string }> };

async function load(invId: string, token: string | undefined) {
  if (!token) return { error: "This invitation link is incomplete. Open the full link from your invitation." };
  try {
    return await invitationByToken(await getDb(), invId, token);
  } catch (err) {
    if (err instanceof AppError && err.code === "gone") return { error: "This invitation has expired. Ask your admin for a new one." };
    if (err instanceof AppError && err.code === "not_found") return { error: "This invitation is not valid any more: it was used, withdrawn or replaced." };
    throw err;
  }
}

export default async function InvitePage({ params, searchParams }: Props) {
  const { invId } = await params;
  const { token } = await searchParams;
  const result = await load(invId, token);

  if ("error" in result) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Invitation unavailable</CardTitle>
          <CardDescription role="alert">{result.error}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/sign-in">Go to sign-in</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  const { invitation, orgName } = result;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Join {orgName}</CardTitle>
        <CardDescription>
          You were invited as {invitation.role === "admin" ? "an admin" : "a member"}. Create your account to accept.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInvitationForm invId={invitation.id} token={token!} email={invitation.email} />
      </CardContent>
    </Card>
  );
}
