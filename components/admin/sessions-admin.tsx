"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { SessionView, UserView } from "@/lib/validation/account-responses";
import { api } from "@/lib/api-client";
import { fetchAll } from "@/components/data/queries";
import { queryKeys } from "@/lib/query-keys";
import { personName } from "@/components/format/person";
import { formatDateTime } from "@/components/format/time";
import { Badge } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { Table, TableBody, TableCell, TableRow, TableHeaderRow } from "@/components/ui/table";
import { ConfirmButton } from "./confirm-dialog";
import { describeAgent } from "./user-agent";

type Session = SessionView;
const KIND = { web: "Web sign-in", password: "API login", api_key: "API key" } as const;

/** /admin/sessions: every live sign-in of the organisation, each revocable. */
export function SessionsAdmin({ currentSessionId, timeZone }: { currentSessionId: string; timeZone: string }) {
  const qc = useQueryClient();
  const router = useRouter();
  const sessions = useQuery({ queryKey: queryKeys.sessions(), queryFn: () => fetchAll<Session>("/v1/auth/sessions") });
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => fetchAll<UserView>("/v1/users") });
  const byId = new Map((users.data ?? []).map((u) => [u.id, u]));

  async function revoke(id: string) {
    await api(`/v1/auth/sessions/${id}`, { method: "DELETE" });
    if (id === currentSessionId) {
      router.replace("/sign-in");
      router.refresh();
      return;
    }
    await qc.invalidateQueries({ queryKey: queryKeys.sessions() });
  }

  return (
    <DataList pending={sessions.isPending} error={sessions.error} items={sessions.data} skeletonClassName="h-48 w-full" empty="No active sessions">
      {(rows) => (
        <Table aria-label="Active sessions">
          <TableHeaderRow columns={["Person", "Kind", "Client", "Started", "Last used", "Ends"]} actions />
          <TableBody>
            {rows.map((s) => {
              const u = byId.get(s.userId);
              const who = u ? personName(u) : "…";
              const mine = s.id === currentSessionId;
              return (
                <TableRow key={s.id}>
                  <TableCell>
                    <span className="font-medium">{who}</span>
                    {mine ? (
                      <Badge variant="info" className="ml-2">
                        this session
                      </Badge>
                    ) : null}
                    {u ? <span className="block text-xs text-muted-foreground">{u.email}</span> : null}
                  </TableCell>
                  <TableCell>{KIND[s.kind]}</TableCell>
                  <TableCell title={s.userAgent ?? undefined}>{describeAgent(s.userAgent)}</TableCell>
                  <TableCell>{formatDateTime(s.sessionStartedAt, timeZone)}</TableCell>
                  <TableCell>{s.lastUsedAt ? formatDateTime(s.lastUsedAt, timeZone) : "—"}</TableCell>
                  <TableCell>{formatDateTime(s.refreshExpiresAt, timeZone)}</TableCell>
                  <TableCell className="text-right">
                    <ConfirmButton
                      title={mine ? "Sign yourself out?" : `Revoke ${who}'s session?`}
                      description={mine ? "This is the session you are using: you will be signed out." : "The client is signed out on its next request and must sign in again."}
                      confirmLabel="Revoke"
                      onConfirm={() => revoke(s.id)}
                      aria-label={`Revoke the session of ${who} started ${formatDateTime(s.sessionStartedAt, timeZone)}`}
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
