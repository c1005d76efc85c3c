"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { SheetView } from "@/lib/validation/timesheet-responses";
import { queryKeys } from "@/lib/query-keys";
import { formatDateTime, formatDuration } from "@/components/format/time";
import { fetchAll } from "@/components/data/queries";
import { weekLabel } from "@/components/team/week";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState, ErrorMessage } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ApiError } from "@/lib/api-client";
import { DenyForm } from "./deny-form";
import { DecisionHistory } from "./decision-history";
import { SheetDetail } from "./sheet-detail";
import { failedSheets, idleShare, queueOrder, sheetLabel } from "./sheets";
import { useSheetActivity } from "./use-activity";
import { useDecide, type Decision } from "./use-decide";

function ActivityCell({ sheet, timeZone }: { sheet: SheetView; timeZone: string }) {
  const a = useSheetActivity(sheet, timeZone);
  if (a.isPending) return <span className="text-muted-foreground">…</span>;
  return <span className="tabular-nums">{a.data ? `${a.data}%` : "—"}</span>;
}

function DetailWithActivity(props: Omit<React.ComponentProps<typeof SheetDetail>, "activity"> & { sheet: SheetView }) {
  const a = useSheetActivity(props.sheet, props.timeZone);
  return <SheetDetail {...props} activity={a.data ?? null} />;
}

/** /approvals: the sheets waiting for the caller's decision, one or several at once, and the decisions made. */
export function ApprovalQueue({ selfId, timeZone }: { selfId: string; timeZone: string }) {
  const pending = useQuery({
    queryKey: queryKeys.approvalQueue({ status: "PENDING" }),
    queryFn: () => fetchAll<SheetView>("/api/timesheet", { status: "PENDING" }),
  });
  const inReview = useQuery({
    queryKey: queryKeys.approvalQueue({ status: "IN_REVIEW" }),
    queryFn: () => fetchAll<SheetView>("/api/timesheet", { status: "IN_REVIEW" }),
  });
  const queue = useMemo(() => queueOrder([...(pending.data ?? []), ...(inReview.data ?? [])], selfId), [pending.data, inReview.data, selfId]);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [bulkDeny, setBulkDeny] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // the sheets of the last call, so a refusal still names them after the queue has refreshed
  const [attempted, setAttempted] = useState<SheetView[]>([]);
  const decide = useDecide((d: Decision, result) => {
    const n = result.items.length;
    setDone(`${d.action === "approve" ? "Approved" : "Denied"} ${n === 1 ? sheetLabel(result.items[0]!) : `${n} timesheets`}.`);
    setSelected((s) => new Set([...s].filter((id) => !d.ids.includes(id))));
    setOpenId(null);
    setBulkDeny(false);
  });
  const run = (d: Decision) => {
    setDone(null);
    setAttempted(queue.filter((s) => d.ids.includes(s.id)));
    decide.mutate(d);
  };

  const visibleSelected = queue.filter((s) => selected.has(s.id));
  const allChecked = queue.length > 0 && visibleSelected.length === queue.length;
  const failed = decide.error instanceof ApiError ? failedSheets(decide.error.details, [...attempted, ...queue]) : [];
  const open = queue.find((s) => s.id === openId) ?? null;

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const loading = pending.isPending || inReview.isPending;
  const loadError = pending.error ?? inReview.error;

  return (
    <Tabs defaultValue="waiting">
      <TabsList aria-label="Approvals">
        <TabsTrigger value="waiting">Waiting{queue.length ? ` (${queue.length})` : ""}</TabsTrigger>
        <TabsTrigger value="history">Decisions</TabsTrigger>
      </TabsList>
      <TabsContent value="waiting" className="grid grid-cols-1 gap-4">
        <p role="status" className="text-sm text-green-800 empty:hidden">
          {done}
        </p>
        {decide.error && !open ? (
          <div className="grid grid-cols-1 gap-2">
            <ErrorMessage error={decide.error} />
            {failed.length ? (
              <div className="rounded-md border border-border p-3 text-sm">
                <p className="font-medium">Not decided, because of:</p>
                <ul className="mt-1 list-disc pl-5" aria-label="Timesheets that failed">
                  {failed.map((f) => (
                    <li key={f.id} data-failed-id={f.id}>
                      {f.label}
                      {f.message ? <span className="text-muted-foreground"> — {f.message}</span> : null}
                    </li>
                  ))}
                </ul>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  className="mt-2"
                  onClick={() => {
                    setSelected((s) => new Set([...s].filter((id) => !failed.some((f) => f.id === id))));
                    decide.reset();
                  }}
                >
                  Unselect these and try the rest
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
        {loading ? (
          <div className="grid grid-cols-1 gap-2">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        ) : loadError ? (
          <ErrorMessage error={loadError} />
        ) : queue.length === 0 ? (
          <EmptyState title="Nothing waiting for you">Submitted timesheets of your teams appear here.</EmptyState>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-muted/40 p-2" aria-label="Selected timesheets" role="group">
              <span className="px-1 text-sm" aria-live="polite">
                {visibleSelected.length} selected
              </span>
              <Button type="button" size="sm" disabled={!visibleSelected.length || decide.isPending} onClick={() => run({ action: "approve", ids: visibleSelected.map((s) => s.id) })}>
                Approve selected
              </Button>
              <Button type="button" size="sm" variant="outline" disabled={!visibleSelected.length || decide.isPending} onClick={() => setBulkDeny(true)}>
                Deny selected…
              </Button>
            </div>
            <Table aria-label="Timesheets waiting for a decision">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-10">
                    <input
                      type="checkbox"
                      className="size-4"
                      aria-label="Select all"
                      checked={allChecked}
                      ref={(el) => {
                        if (el) el.indeterminate = visibleSelected.length > 0 && !allChecked;
                      }}
                      onChange={(e) => setSelected(e.target.checked ? new Set(queue.map((s) => s.id)) : new Set())}
                    />
                  </TableHead>
                  <TableHead>Person</TableHead>
                  <TableHead>Week</TableHead>
                  <TableHead className="text-right">Total</TableHead>
                  <TableHead className="text-right">Idle</TableHead>
                  <TableHead className="text-right">Activity</TableHead>
                  <TableHead>Submitted</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {queue.map((s) => (
                  <TableRow key={s.id} data-sheet-id={s.id} data-state={selected.has(s.id) ? "selected" : undefined}>
                    <TableCell>
                      <input type="checkbox" className="size-4" aria-label={`Select ${sheetLabel(s)}`} checked={selected.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                    </TableCell>
                    <TableCell className="font-medium">{s.employeeName}</TableCell>
                    <TableCell>
                      {weekLabel(s.weekStart)}
                      {s.status === "IN_REVIEW" ? (
                        <span className="ml-2">
                          <StatusBadge status={s.status} />
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatDuration(s.duration)}</TableCell>
                    <TableCell className="text-right tabular-nums" title={`${formatDuration(s.durationByLogType.IDLE)} idle`}>
                      {Math.round(idleShare(s) * 100)}%
                    </TableCell>
                    <TableCell className="text-right">
                      <ActivityCell sheet={s} timeZone={timeZone} />
                    </TableCell>
                    <TableCell>{s.submittedAt ? formatDateTime(s.submittedAt, timeZone) : "—"}</TableCell>
                    <TableCell className="text-right">
                      <Button type="button" size="sm" variant="outline" onClick={() => setOpenId(s.id)} aria-label={`Open ${sheetLabel(s)}`}>
                        Open
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <p className="text-xs text-muted-foreground">Idle is the share of the week&apos;s time marked idle; activity the average keyboard and mouse activity the desktop agent reported.</p>
          </>
        )}
      </TabsContent>
      <TabsContent value="history">
        <DecisionHistory selfId={selfId} timeZone={timeZone} />
      </TabsContent>

      {open ? (
        <DetailWithActivity
          sheet={open}
          timeZone={timeZone}
          onClose={() => {
            setOpenId(null);
            decide.reset();
          }}
          onDecide={run}
          pending={decide.isPending}
          error={decide.error}
        />
      ) : null}

      <Dialog
        open={bulkDeny}
        onOpenChange={(o) => {
          setBulkDeny(o);
          if (!o) decide.reset();
        }}
      >
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Deny {visibleSelected.length === 1 ? "1 timesheet" : `${visibleSelected.length} timesheets`}</DialogTitle>
            <DialogDescription>{visibleSelected.map((s) => sheetLabel(s)).join("; ")}</DialogDescription>
          </DialogHeader>
          <ErrorMessage error={decide.error} />
          <DenyForm
            count={visibleSelected.length}
            pending={decide.isPending}
            onCancel={() => setBulkDeny(false)}
            onDeny={(reason) => run({ action: "deny", ids: visibleSelected.map((s) => s.id), reason })}
          />
        </DialogContent>
      </Dialog>
    </Tabs>
  );
}
