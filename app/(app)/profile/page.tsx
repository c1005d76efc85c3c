import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireCaller } from "@/lib/auth/current";
import { apiKeyView, listApiKeys, getUser, userView } from "@/lib/services/accounts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/feedback";
import { ApiKeys } from "@/components/profile/api-keys";
import { scopesAllowed } from "@/lib/auth/scopes";
import { AvatarUpload } from "@/components/profile/avatar-upload";
import { personName } from "@/components/format/person";
import { PasswordForm } from "@/components/profile/password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { timeZoneOptions } from "@/components/team/time-zones";

export const metadata: Metadata = { title: "Profile · Timebase" };
export const dynamic = "force-dynamic";

// /profile – the signed-in person's picture, name, time zone, password and API keys.
export default async function ProfilePage() {
  const caller = await requireCaller();
  const db = await getDb();
  const [user, keys] = await Promise.all([getUser(db, caller, caller.userId), listApiKeys(db, caller)]);
  const own = keys.items.filter((k) => k.userId === caller.userId).map(apiKeyView);
  return (
    <>
      <PageHeader title="Profile" description={`${user.email} · ${user.role === "admin" ? "Admin" : "Member"}`} />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Picture</CardTitle>
            <CardDescription>Shown to the people of your organisation next to your name.</CardDescription>
          </CardHeader>
          <CardContent>
            <AvatarUpload userId={user.id} name={personName(user)} url={userView(user).profilePicUrl} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Name and time zone</CardTitle>
            <CardDescription>Your days and weeks are counted in your time zone.</CardDescription>
          </CardHeader>
          <CardContent>
            <ProfileForm
              user={{ id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, timeZone: user.timeZone }}
              zones={timeZoneOptions([user.timeZone])}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
            <CardDescription>Changing it signs you out everywhere else.</CardDescription>
          </CardHeader>
          <CardContent>
            <PasswordForm userId={user.id} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>API keys</CardTitle>
            <CardDescription>For desktop agents and scripts. A key is shown once, when it is created or rotated.</CardDescription>
          </CardHeader>
          <CardContent>
            <ApiKeys userId={user.id} timeZone={user.timeZone} initial={own} allowedScopes={scopesAllowed(caller)} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
