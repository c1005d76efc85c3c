"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TeamView, UserView } from "@/lib/validation/account-responses";
import { api } from "@/lib/api-client";
import { fetchAll } from "@/components/data/queries";
import { queryKeys } from "@/lib/query-keys";
import { personName } from "@/components/format/person";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ErrorMessage } from "@/components/ui/feedback";
import { DataList } from "@/components/ui/data-list";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableRow, TableHeaderRow } from "@/components/ui/table";
import { ConfirmButton } from "./confirm-dialog";

type Team = TeamView;

function useTeamsInvalidation() {
  const qc = useQueryClient();
  // Team changes move people in and out of managers' scopes: users and dashboards follow.
  return () => Promise.all([qc.invalidateQueries({ queryKey: queryKeys.teams() }), qc.invalidateQueries({ queryKey: queryKeys.users() })]);
}

function CreateTeam() {
  const invalidate = useTeamsInvalidation();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => api<Team>("/v1/teams", { method: "POST", body: { name } }),
    onSuccess: () => {
      setName("");
      return invalidate();
    },
  });
  return (
    <form
      className="grid grid-cols-1 gap-2 rounded-lg border border-border p-4 sm:grid-cols-[1fr_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <div className="grid grid-cols-1 gap-2">
        <Label htmlFor="new-team">New team</Label>
        <Input id="new-team" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Platform" required maxLength={200} />
      </div>
      <Button type="submit" disabled={create.isPending || !name.trim()}>
        {create.isPending ? "Creating…" : "Create team"}
      </Button>
      <ErrorMessage error={create.error} className="sm:col-span-2" />
    </form>
  );
}

function TeamCard({ team, users }: { team: Team; users: UserView[] }) {
  const invalidate = useTeamsInvalidation();
  const [name, setName] = useState(team.name);
  const [newMember, setNewMember] = useState("");
  const [asManager, setAsManager] = useState(false);
  const rename = useMutation({
    mutationFn: () => api<Team>(`/v1/teams/${team.id}`, { method: "PUT", body: { name } }),
    onSuccess: invalidate,
  });
  const setMember = useMutation({
    mutationFn: (v: { userId: string; manager: boolean }) => api<Team>(`/v1/teams/${team.id}/members/${v.userId}`, { method: "PUT", body: { manager: v.manager } }),
    onSuccess: () => {
      setNewMember("");
      setAsManager(false);
      return invalidate();
    },
  });
  const removeMember = async (userId: string) => {
    await api(`/v1/teams/${team.id}/members/${userId}`, { method: "DELETE" });
    await invalidate();
  };
  const deleteTeam = async () => {
    await api(`/v1/teams/${team.id}`, { method: "DELETE" });
    await invalidate();
  };
  const memberIds = new Set(team.members.map((m) => m.userId));
  const candidates = users.filter((u) => u.active && !memberIds.has(u.id));
  const slug = `team-${team.id}`;

  return (
    <Card data-testid={slug}>
      <CardHeader className="flex-row flex-wrap items-end justify-between gap-3">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate();
          }}
        >
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor={`${slug}-name`}>Team name</Label>
            <Input id={`${slug}-name`} value={name} onChange={(e) => setName(e.target.value)} className="w-56" required />
          </div>
          <Button type="submit" variant="outline" size="sm" disabled={rename.isPending || name.trim() === team.name || !name.trim()}>
            Rename
          </Button>
        </form>
        <ConfirmButton
          title={`Delete ${team.name}?`}
          description="The team and its memberships are removed; the people and their time stay. Its managers lose access to the team's data."
          confirmLabel="Delete team"
          onConfirm={deleteTeam}
          variant="ghost"
        >
          Delete team
        </ConfirmButton>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <ErrorMessage error={rename.error ?? setMember.error} />
        {team.members.length === 0 ? (
          <p className="text-sm text-muted-foreground">No members yet.</p>
        ) : (
          <Table aria-label={`Members of ${team.name}`}>
            <TableHeaderRow columns={["Member", "Manager"]} actions />
            <TableBody>
              {team.members.map((m) => (
                <TableRow key={m.userId}>
                  <TableCell>
                    <span className="font-medium">{personName(m)}</span>
                    <span className="block text-xs text-muted-foreground">{m.email}</span>
                  </TableCell>
                  <TableCell>
                    <label className="inline-flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="size-4 accent-[var(--color-primary)]"
                        checked={m.manager}
                        disabled={setMember.isPending}
                        onChange={(e) => setMember.mutate({ userId: m.userId, manager: e.target.checked })}
                      />
                      <span className="sr-only">{personName(m)} manages {team.name}</span>
                      <span aria-hidden>{m.manager ? "Manager" : "Member"}</span>
                    </label>
                  </TableCell>
                  <TableCell className="text-right">
                    <ConfirmButton
                      title={`Remove ${personName(m)} from ${team.name}?`}
                      description="Their time stays; the team's managers no longer see it."
                      confirmLabel="Remove"
                      onConfirm={() => removeMember(m.userId)}
                      aria-label={`Remove ${personName(m)}`}
                    >
                      Remove
                    </ConfirmButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <form
          className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (newMember) setMember.mutate({ userId: newMember, manager: asManager });
          }}
        >
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor={`${slug}-add`}>Add a person</Label>
            <NativeSelect id={`${slug}-add`} value={newMember} onChange={(e) => setNewMember(e.target.value)}>
              <option value="">{candidates.length ? "Choose…" : "Everyone is in this team"}</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {personName(u)} ({u.email})
                </option>
              ))}
            </NativeSelect>
          </div>
          <label className="inline-flex h-9 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={asManager} onChange={(e) => setAsManager(e.target.checked)} />
            as manager
          </label>
          <Button type="submit" variant="outline" disabled={!newMember || setMember.isPending}>
            Add
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

/** /admin/teams: create teams, add and remove members, choose who manages each. */
export function TeamsAdmin() {
  const teams = useQuery({ queryKey: queryKeys.teams(), queryFn: () => fetchAll<Team>("/v1/teams") });
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => fetchAll<UserView>("/v1/users") });
  return (
    <div className="grid grid-cols-1 gap-6">
      <CreateTeam />
      <DataList
        pending={teams.isPending || users.isPending}
        error={teams.error ?? users.error}
        items={teams.data}
        skeletonClassName="h-48 w-full"
        empty={{ title: "No teams yet", children: "Create one above, then add people and choose its managers." }}
      >
        {(rows) => rows.map((t) => <TeamCard key={`${t.id}-${t.updatedAt}`} team={t} users={users.data ?? []} />)}
      </DataList>
    </div>
  );
}
