"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { SheetView } from "@/lib/validation/timesheet-responses";
import type { UserView } from "@/lib/validation/account-responses";
import { fetchAll } from "@/components/data/queries";
import { queryKeys } from "@/lib/query-keys";
import { addDaysToDate } from "@/lib/time/zones";
import { personName } from "@/components/format/person";
import { dayIn, formatDateTime, formatDuration } from "@/components/format/time";
import { weekLabel } from "@/components/team/week";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState, ErrorMessage } from "@/components/ui/feedback";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { decidedOrder } from "./sheets";

const SPANS = [4, 12, 52] as const;

/** Approved and denied sheets of recent weeks, newest decision first, with who decided and why. */
export function DecisionHistory({ selfId, timeZone }: { selfId: string; timeZone: string }) {
  const [weeks, setWeeks] = useState<(typeof SPANS)[number]>(4);
  const [status, setStatus] = useState<"ALL" | "APPROVED" | "DENIED">("ALL");
  const [today] = useState(() => dayIn(Date.now(), timeZone));
  const startDate = addDaysToDate(today, -7 * weeks);
  const fetchStatus = (s: "APPROVED" | "DENIED") => fetchAll<SheetView>("/api/timesheet", { status: s, startDate, endDate: today });
  const approved = useQuery({ queryKey: queryKeys.approvalQueue({ status: `APPROVED:${startDate}` }), queryFn: () => fetchStatus("APPROVED"), enabled: status !== "DENIED" });
  const denied = useQuery({ queryKey: queryKeys.approvalQueue({ status: `DENIED:${startDate}` }), queryFn: () => fetchStatus("DENIED"), enabled: status !== "APPROVED" });
  const users = useQuery({ queryKey: queryKeys.users(), queryFn: () => fetchAll<UserView>("/v1/users") });
  const names = new Map((users.data ?? []).map((u) => [u.id, personName(u)]));

  const parts = [status !== "DENIED" ? approved : null, status !== "APPROVED" ? denied : null].filter((q) => q !== null);
  const loading = parts.some((q) => q.isPending);
  const error = parts.find((q) => q.error)?.error;
  const rows = decidedOrder(parts.flatMap((q) => q.data ?? []));

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap gap-4">
        <div className="grid grid-cols-1 gap-2">
          <Label htmlFor="history-status">Decision</Label>
          <NativeSelect id="history-status" className="w-40" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="ALL">Approved and denied</option>
            <option value="APPROVED">Approved</option>
            <option value="DENIED">Denied</option>
          </NativeSelect>
        </div>
        <div className="grid grid-cols-1 gap-2">
          <Label htmlFor="history-span">Weeks</Label>
          <NativeSelect id="history-span" className="w-40" value={weeks} onChange={(e) => setWeeks(Number(e.target.value) as (typeof SPANS)[number])}>
            {SPANS.map((w) => (
              <option key={w} value={w}>
                Last {w} weeks
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {loading ? (
        <Skeleton className="h-40 w-full" />
      ) : error ? (
        <ErrorMessage error={error} />
      ) : rows.length === 0 ? (
        <EmptyState title="No decisions in these weeks" />
      ) : (
        <Table aria-label="Decisions">
          <TableHeader>
            <TableRow>
              <TableHead>Person</TableHead>
              <TableHead>Week</TableHead>
              <TableHead className="text-right">Total</TableHead>
              <TableHead>Decision</TableHead>
              <TableHead>By</TableHead>
              <TableHead>When</TableHead>
              <TableHead>Reason</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((s) => (
              <TableRow key={s.id} data-sheet-id={s.id}>
                <TableCell className="font-medium">{s.employeeName}</TableCell>
                <TableCell>{weekLabel(s.weekStart)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(s.duration)}</TableCell>
                <TableCell>
                  <StatusBadge status={s.status} />
                </TableCell>
                <TableCell>{s.reviewedBy ? (s.reviewedBy === selfId ? "You" : (names.get(s.reviewedBy) ?? "Someone else")) : "—"}</TableCell>
                <TableCell>{s.reviewedAt ? formatDateTime(s.reviewedAt, timeZone) : "—"}</TableCell>
                <TableCell className="max-w-72 whitespace-normal text-muted-foreground">{s.reason ?? ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
