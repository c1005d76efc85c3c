"use client";

import { useMemo } from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight, Plus, Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState, ErrorMessage, PageHeader } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/skeleton";
import { addDaysToDate, localDate } from "@/lib/time/zones";
import { EntryEditingDialogs, useEntryEditing } from "@/components/timer/entry-editing";
import { EntryList } from "@/components/timer/entry-list";
import { formatDay, formatDuration } from "@/components/format/time";
import { namesOf } from "@/components/timer/project-task-fields";
import { useEntriesSync, useProjects, useSubmitWeek, useTasks, useTimeLogs, useWeekSheet } from "@/components/timer/queries";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { SheetView as Sheet, TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";
import { useNow } from "@/components/timer/use-clock";
import { shiftWeek } from "@/components/team/week";
import { buildWeekGrid, canSubmit, isLocked } from "./week-grid";
import { WeekTable } from "./week-table";

export interface WeekInitial {
  logs?: TimeLog[];
  sheet?: Sheet | null;
  projects?: Project[];
  tasks?: Task[];
}

const STATUS_TEXT: Record<Sheet["status"], string> = {
  DRAFT: "Not submitted yet. Submit the week when it is complete.",
  PENDING: "Submitted and waiting for approval. Its entries are locked.",
  IN_REVIEW: "Your manager is reviewing it. Its entries are locked.",
  APPROVED: "Approved. Its entries are locked.",
  DENIED: "Denied. Correct the entries and submit it again.",
};

export function WeekView({
  userId,
  timeZone,
  weekStart,
  serverNow,
  initial,
}: {
  userId: string;
  timeZone: string;
  weekStart: string;
  serverNow: number;
  initial: WeekInitial;
}) {
  useEntriesSync();
  const weekEnd = addDaysToDate(weekStart, 6);
  const logs = useTimeLogs({ startDate: weekStart, endDate: weekEnd, employeeId: userId, timeZone }, initial.logs);
  const sheet = useWeekSheet(weekStart, userId, initial.sheet);
  const projects = useProjects(initial.projects);
  const tasks = useTasks(initial.tasks);
  const now = useNow(serverNow, !(logs.data ?? []).some((l) => !l.stoppedAt));
  const submit = useSubmitWeek();
  const editing = useEntryEditing();

  const names = useMemo(() => namesOf(projects.data, tasks.data), [projects.data, tasks.data]);
  const entries = useMemo(() => logs.data ?? [], [logs.data]);
  const grid = useMemo(
    () => buildWeekGrid(entries, { weekStart, timeZone, nowMs: now, projectOrder: (id) => names.project(id).toLowerCase() }),
    [entries, weekStart, timeZone, now, names],
  );
  const today = localDate(new Date(now), timeZone);
  const status = sheet.data?.status ?? null;
  const locked = isLocked(status);
  const running = entries.some((l) => !l.stoppedAt);
  const byDay = useMemo(() => {
    const days = new Map<string, TimeLog[]>();
    for (const l of [...entries].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))) {
      const d = localDate(new Date(l.startedAt), timeZone);
      days.set(d, [...(days.get(d) ?? []), l]);
    }
    return [...days.entries()];
  }, [entries, timeZone]);

  const thisWeek = today >= weekStart && today <= weekEnd;
  const nav = (
    <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
      <Button asChild variant="outline" size="sm">
        <Link href={`/week?week=${shiftWeek(weekStart, -1)}`}>
          <ChevronLeft aria-hidden />
          Previous week
        </Link>
      </Button>
      {thisWeek ? null : (
        <Button asChild variant="ghost" size="sm">
          <Link href="/week">This week</Link>
        </Button>
      )}
      <Button asChild variant="outline" size="sm">
        <Link href={`/week?week=${shiftWeek(weekStart, 1)}`}>
          Next week
          <ChevronRight aria-hidden />
        </Link>
      </Button>
    </nav>
  );

  return (
    <>
      <PageHeader title="Week" description={`${formatDay(weekStart, { long: true })} – ${formatDay(weekEnd, { long: true })} · ${timeZone}`} actions={nav} />
      <div className="grid gap-6">
        <section aria-labelledby="sheet-heading" className="grid gap-3 rounded-lg border border-border p-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="grid gap-1">
              <h2 id="sheet-heading" className="flex flex-wrap items-center gap-2 font-semibold">
                Timesheet {status ? <StatusBadge status={status} /> : <StatusBadge status="DRAFT" />}
              </h2>
              <p className="text-sm text-muted-foreground">{status ? STATUS_TEXT[status] : "Nothing logged this week yet."}</p>
            </div>
            <div className="flex flex-col gap-1 sm:items-end">
              <p className="text-sm">
                Week total: <span className="font-semibold tabular-nums" data-testid="week-total">{formatDuration(grid.total)}</span>
              </p>
              <Button
                type="button"
                onClick={() => sheet.data && submit.mutate(sheet.data.id)}
                disabled={!sheet.data || !canSubmit(status, grid.total) || running || submit.isPending}
              >
                <Send aria-hidden />
                {submit.isPending ? "Submitting…" : status === "DENIED" ? "Submit again" : "Submit for approval"}
              </Button>
              {running && canSubmit(status, grid.total) ? <p className="text-xs text-muted-foreground">Stop the timer before submitting.</p> : null}
            </div>
          </div>
          {status === "DENIED" && sheet.data?.reason ? (
            <div role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              <p className="font-medium">Reason given</p>
              <p className="whitespace-pre-wrap">{sheet.data.reason}</p>
            </div>
          ) : null}
          <ErrorMessage error={submit.error ?? sheet.error} />
        </section>

        <ErrorMessage error={logs.error ?? projects.error ?? tasks.error} />
        {logs.isPending ? (
          <Skeleton className="h-64 w-full" />
        ) : grid.rows.length === 0 ? (
          <EmptyState title="No time logged this week">
            <p>Track time on the Today page, or add it here.</p>
            <Button type="button" variant="outline" size="sm" className="mt-3" disabled={locked} onClick={() => editing.open({ kind: "new", day: thisWeek ? today : weekStart })}>
              <Plus aria-hidden />
              Add time
            </Button>
          </EmptyState>
        ) : (
          <WeekTable
            grid={grid}
            names={names}
            today={today}
            locked={locked}
            onAdd={(day, projectId) => editing.open({ kind: "new", day, projectId })}
          />
        )}

        {byDay.length > 0 ? (
          <section aria-labelledby="week-entries-heading" className="grid gap-4">
            <h2 id="week-entries-heading" className="text-lg font-semibold">
              Entries
            </h2>
            {byDay.map(([day, dayLogs]) => (
              <div key={day} className="grid gap-2">
                <h3 className="text-sm font-medium text-muted-foreground">{formatDay(day, { long: true })}</h3>
                <EntryList
                  logs={dayLogs}
                  timeZone={timeZone}
                  names={names}
                  nowMs={now}
                  day={day}
                  locked={locked}
                  onEdit={editing.onEdit}
                  onDelete={editing.onDelete}
                />
              </div>
            ))}
          </section>
        ) : null}
      </div>

      <EntryEditingDialogs editing={editing} timeZone={timeZone} nowMs={now} projects={projects.data} tasks={tasks.data} />
    </>
  );
}
