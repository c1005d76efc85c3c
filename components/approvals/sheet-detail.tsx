"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ProjectView } from "@/lib/validation/tracking-responses";
import type { SheetView, TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";
import { queryKeys } from "@/lib/query-keys";
import { addDaysToDate } from "@/lib/time/zones";
import { formatDay, formatDuration, percent } from "@/components/format/time";
import { fetchAll } from "@/components/data/queries";
import { weekLabel } from "@/components/team/week";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState, ErrorMessage } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/skeleton";
import { DenyForm } from "./deny-form";
import { entriesByDay } from "./sheets";
import type { Decision } from "./use-decide";

type Project = ProjectView;

/** One sheet's entries day by day, with approve and deny (with a reason) when it waits for a decision. */
export function SheetDetail({
  sheet,
  timeZone,
  activity,
  onClose,
  onDecide,
  pending,
  error,
}: {
  sheet: SheetView | null;
  timeZone: string;
  activity?: number | null;
  onClose: () => void;
  onDecide: (d: Decision) => void;
  pending: boolean;
  error: unknown;
}) {
  const [denying, setDenying] = useState(false);
  const open = sheet !== null;
  // the sheet's week is its stored instants; a day either side covers any zone, and entries are clipped to the week
  const logs = useQuery({
    queryKey: queryKeys.timesheetEntries(sheet?.id ?? "none"),
    enabled: open,
    queryFn: () =>
      fetchAll<TimeLog>("/api/timesheet/time-log", {
        employeeId: sheet!.employeeId,
        startDate: addDaysToDate(sheet!.weekStart, -1),
        endDate: addDaysToDate(sheet!.weekEnd, 1),
        timeZone,
      }),
  });
  const projects = useQuery({ queryKey: queryKeys.projects(), enabled: open, queryFn: () => fetchAll<Project>("/v1/projects") });
  const projectName = new Map((projects.data ?? []).map((p) => [p.id, p.name]));
  const days = sheet && logs.data ? entriesByDay(logs.data, timeZone, sheet) : [];
  const decidable = sheet?.status === "PENDING" || sheet?.status === "IN_REVIEW";

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          setDenying(false);
          onClose();
        }
      }}
    >
      <DialogContent className="max-w-2xl">
        {sheet ? (
          <>
            <DialogHeader className="pr-6">
              <DialogTitle>{sheet.employeeName}</DialogTitle>
              <DialogDescription>
                Week of {weekLabel(sheet.weekStart)} · times in {timeZone.replace(/_/g, " ")}
              </DialogDescription>
            </DialogHeader>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-muted-foreground">Status</dt>
                <dd>
                  <StatusBadge status={sheet.status} />
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Total</dt>
                <dd className="font-medium tabular-nums">{formatDuration(sheet.duration)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Idle</dt>
                <dd className="tabular-nums">{percent(sheet.durationByLogType.IDLE, sheet.duration)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Activity</dt>
                <dd className="tabular-nums">{activity ? `${activity}%` : "—"}</dd>
              </div>
            </dl>
            {sheet.reason ? (
              <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                <span className="font-medium">Reason given: </span>
                {sheet.reason}
              </p>
            ) : null}
            <section aria-label="Entries by day" className="grid grid-cols-1 gap-4">
              {logs.isPending ? (
                <Skeleton className="h-40 w-full" />
              ) : logs.error ? (
                <ErrorMessage error={logs.error} />
              ) : days.length === 0 ? (
                <EmptyState title="No entries in this timesheet" />
              ) : (
                days.map((d) => (
                  <div key={d.day} className="grid grid-cols-1 gap-1">
                    <h3 className="flex items-baseline justify-between border-b border-border pb-1 text-sm font-semibold">
                      <span>{formatDay(d.day)}</span>
                      <span className="tabular-nums">
                        {formatDuration(d.seconds)}
                        {d.idleSeconds ? <span className="ml-2 font-normal text-muted-foreground">idle {formatDuration(d.idleSeconds)}</span> : null}
                      </span>
                    </h3>
                    <ul className="grid grid-cols-1 gap-1 text-sm">
                      {d.entries.map((e) => (
                        <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                          <span className="w-28 shrink-0 tabular-nums">
                            {e.from}–{e.to}
                            {e.overnight ? <span className="text-xs text-muted-foreground"> +1</span> : null}
                          </span>
                          <span className="w-16 shrink-0 text-right tabular-nums">{formatDuration(e.duration)}</span>
                          {e.logType !== "TRACKED" ? <Badge variant={e.logType === "IDLE" ? "warning" : "outline"}>{e.logType.toLowerCase()}</Badge> : null}
                          <span className="min-w-0 flex-1 text-muted-foreground">
                            {[e.projectId ? (projectName.get(e.projectId) ?? "Project") : null, e.description].filter(Boolean).join(" · ") || "No description"}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))
              )}
            </section>
            <ErrorMessage error={error} />
            {decidable ? (
              denying ? (
                <DenyForm count={1} pending={pending} onCancel={() => setDenying(false)} onDeny={(reason) => onDecide({ action: "deny", ids: [sheet.id], reason })} />
              ) : (
                <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                  <Button type="button" variant="outline" onClick={() => setDenying(true)} disabled={pending}>
                    Deny…
                  </Button>
                  <Button type="button" onClick={() => onDecide({ action: "approve", ids: [sheet.id] })} disabled={pending}>
                    {pending ? "Approving…" : "Approve"}
                  </Button>
                </div>
              )
            ) : null}
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
