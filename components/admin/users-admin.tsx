"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Check, Copy } from "lucide-react";
import type { InvitationView, UserView } from "@/lib/validation/account-responses";
import { api } from "@/lib/api-client";
import { fetchAll } from "@/components/data/queries";
import { queryKeys } from "@/lib/query-keys";
import { personName } from "@/components/format/person";
import { formatDateTime } from "@/components/format/time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorMessage } from "@/components/ui/feedback";
import { DataList } from "@/components/ui/data-list";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableRow, TableHeaderRow } from "@/components/ui/table";
import { ConfirmButton } from "./confirm-dialog";

type Invitation = InvitationView;
type Role = UserView["role"];

function CopyLink({ link }: { link: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // clipboard refused (insecure context): the field is selected so Ctrl+C works
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="grid grid-cols-1 gap-2">
      <Label htmlFor={id}>Invitation link (valid for one day)</Label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        <Button type="button" variant="outline" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground" role="status">
        {copied ? "The link is on your clipboard." : "Send this link to the person you invited; it is also e-mailed to them."}
      </p>
    </div>
  );
}

function InviteForm() {
  const qc = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const invite = useMutation({
    mutationFn: () => api<{ invitation: Invitation & { link: string } }>("/v1/invitations", { method: "POST", body: { email, role } }),
    onSuccess: () => {
      setEmail("");
      void qc.invalidateQueries({ queryKey: queryKeys.invitations() });
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invite someone</CardTitle>
        <CardDescription>They choose their name and password through the link.</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <form
          className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate();
          }}
        >
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="invite-email">E-mail</Label>
            <Input id="invite-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </div>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="invite-role">Role</Label>
            <NativeSelect id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </NativeSelect>
          </div>
          <Button type="submit" disabled={invite.isPending || !email}>
            {invite.isPending ? "Inviting…" : "Invite"}
          </Button>
        </form>
        <ErrorMessage error={invite.error} />
        {invite.data ? <CopyLink link={invite.data.invitation.link} /> : null}
      </CardContent>
    </Card>
  );
}

function Invitations({ timeZone }: { timeZone: string }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.invitations(), queryFn: () => fetchAll<Invitation>("/v1/invitations") });
  const revoke = async (id: string) => {
    await api(`/v1/invitations/${id}`, { method: "DELETE" });
    await qc.invalidateQueries({ queryKey: queryKeys.invitations() });
  };
  // "now" as of the answer, so a re-render does not change what counts as expired
  const at = list.dataUpdatedAt;
  return (
    <DataList pending={list.isPending} error={list.error} items={list.data} skeletonClassName="h-24 w-full" empty={{ node: <p className="text-sm text-muted-foreground">No pending invitations.</p> }}>
      {(rows) => (
        <Table aria-label="Invitations">
          <TableHeaderRow columns={["E-mail", "Role", "Expires"]} actions />
          <TableBody>
            {rows.map((i) => {
              const expired = Date.parse(i.expiresAt) <= at;
              return (
                <TableRow key={i.id}>
                  <TableCell>{i.email}</TableCell>
                  <TableCell className="capitalize">{i.role}</TableCell>
                  <TableCell>{expired ? <Badge variant="secondary">expired</Badge> : formatDateTime(i.expiresAt, timeZone)}</TableCell>
                  <TableCell className="text-right">
                    <ConfirmButton
                      title="Revoke invitation?"
                      description={`The link sent to ${i.email} stops working.`}
                      confirmLabel="Revoke"
                      onConfirm={() => revoke(i.id)}
                      aria-label={`Revoke the invitation of ${i.email}`}
                    >
                      Revoke
                    </ConfirmButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </DataList>
  );
}

function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const qc = useQueryClient();
  const update = useMutation({
    mutationFn: (body: { role?: Role; active?: boolean }) => api<UserView>(`/v1/users/${user.id}`, { method: "PUT", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users() }),
  });
  const name = personName(user);
  return (
    <TableRow data-testid={`user-${user.email}`}>
      <TableCell className="font-medium">
        {name}
        {isSelf ? <span className="ml-1 text-xs text-muted-foreground">(you)</span> : null}
      </TableCell>
      <TableCell>{user.email}</TableCell>
      <TableCell>
        <NativeSelect
          aria-label={`Role of ${name}`}
          className="w-28"
          value={user.role}
          disabled={isSelf || update.isPending}
          onChange={(e) => update.mutate({ role: e.target.value as Role })}
        >
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </NativeSelect>
        {update.error ? <ErrorMessage error={update.error} className="mt-2 whitespace-normal" /> : null}
      </TableCell>
      <TableCell>{user.active ? <Badge variant="success">active</Badge> : <Badge variant="secondary">deactivated</Badge>}</TableCell>
      <TableCell className="text-right">
        {isSelf ? null : user.active ? (
          <ConfirmButton
            title={`Deactivate ${name}?`}
            description="They are signed out everywhere at once, and their API keys stop working. Their time stays in the reports. You can reactivate them later."
            confirmLabel="Deactivate"
            onConfirm={() => update.mutateAsync({ active: false })}
          >
            Deactivate
          </ConfirmButton>
        ) : (
          <Button type="button" size="sm" variant="outline" disabled={update.isPending} onClick={() => update.mutate({ active: true })}>
            Reactivate
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

/** /admin/users: invite people, change roles, deactivate and reactivate accounts. */
export function UsersAdmin({ selfId, timeZone }: { selfId: string; timeZone: string }) {
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => fetchAll<UserView>("/v1/users") });
  return (
    <div className="grid grid-cols-1 gap-6">
      <InviteForm />
      <Card>
        <CardHeader>
          <CardTitle>Pending invitations</CardTitle>
        </CardHeader>
        <CardContent>
          <Invitations timeZone={timeZone} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>People</CardTitle>
          <CardDescription>Admins manage the organisation; team managers are set on the Teams page.</CardDescription>
        </CardHeader>
        <CardContent>
          <DataList
            pending={users.isPending}
            error={users.error}
            items={users.data}
            loading={
              <div className="grid grid-cols-1 gap-2">
                {Array.from({ length: 4 }, (_, i) => (
                  <Skeleton key={i} className="h-10 w-full" />
                ))}
              </div>
            }
            empty="Nobody here yet"
          >
            {(rows) => (
              <Table aria-label="People">
                <TableHeaderRow columns={["Name", "E-mail", "Role", "Status"]} actions />
                <TableBody>
                  {rows.map((u) => (
                    <UserRow key={u.id} user={u} isSelf={u.id === selfId} />
                  ))}
                </TableBody>
              </Table>
            )}
          </DataList>
        </CardContent>
      </Card>
    </div>
  );
}
