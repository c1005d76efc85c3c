"use client";

import { useEffect, useMemo, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState, ErrorMessage, PageHeader } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/skeleton";
import { queryKeys } from "@/lib/query-keys";
import { mondayOf } from "@/lib/time/zones";
import { dayTotal, isLocked } from "@/components/timesheets/week-grid";
import { EntryEditingDialogs, useEntryEditing } from "@/components/timer/entry-editing";
import { EntryList } from "./entry-list";
import { formatDay, formatDuration } from "@/components/format/time";
import { namesOf } from "./project-task-fields";
import { useEntriesSync, useProjects, useTasks, useTimeLogs, useTimerStatus, useWeekSheet } from "./queries";
import { TimerCard } from "./timer-card";
import { clockSkew } from "./timer-state";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { SheetView as Sheet, TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";
import type { TimerStatus } from "./timer-state";
import { useNow, useToday } from "./use-clock";

export interface TodayInitial {
  today: string;
  status?: TimerStatus;
  logs?: TimeLog[];
  sheet?: Sheet | null;
  projects?: Project[];
  tasks?: Task[];
}

export function TodayView({ userId, timeZone, serverNow, initial }: { userId: string; timeZone: string; serverNow: number; initial: TodayInitial }) {
  useEntriesSync();
  const client = useQueryClient();
  const today = useToday(timeZone, serverNow);
  const sameDay = today === initial.today;
  const status = useTimerStatus(initial.status);
  const logs = useTimeLogs({ startDate: today, endDate: today, employeeId: userId, timeZone }, sameDay ? initial.logs : undefined);
  const sheet = useWeekSheet(mondayOf(today), userId, sameDay ? initial.sheet : undefined);
  const projects = useProjects(initial.projects);
  const tasks = useTasks(initial.tasks);
  const now = useNow(serverNow);
  const editing = useEntryEditing();

  // The timer changed (this tab, another tab, the desktop agent): the list follows.
  const runningId = status.data?.running?.id ?? null;
  const seen = useRef(runningId);
  useEffect(() => {
    if (seen.current === runningId) return;
    seen.current = runningId;
    void client.invalidateQueries({ queryKey: queryKeys.allTimeLogs() });
    void client.invalidateQueries({ queryKey: queryKeys.allTimesheets() });
  }, [runningId, client]);

  const names = useMemo(() => namesOf(projects.data, tasks.data), [projects.data, tasks.data]);
  const running = status.data?.running ?? null;
  const skew = running && status.data ? clockSkew(running, status.data.receivedAt) : 0;
  const sorted = useMemo(() => [...(logs.data ?? [])].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)), [logs.data]);
  const total = dayTotal(sorted, today, timeZone, now + skew);
  const locked = isLocked(sheet.data?.status);

  return (
    <>
      <PageHeader
        title="Today"
        description={`${formatDay(today, { long: true })} · ${timeZone}`}
        actions={
          <Button type="button" variant="outline" onClick={() => editing.open({ kind: "new", day: today, projectId: running?.projectId })} disabled={locked}>
            <Plus aria-hidden />
            Add time manually
          </Button>
        }
      />
      <div className="grid gap-6">
        {status.data ? (
          <TimerCard status={status.data} projects={projects.data} tasks={tasks.data} timeZone={timeZone} serverNow={serverNow} />
        ) : status.error ? (
          <ErrorMessage error={status.error} />
        ) : (
          <Skeleton className="h-48" />
        )}
        <ErrorMessage error={projects.error ?? tasks.error} />

        <section aria-labelledby="entries-heading" className="grid gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="entries-heading" className="text-lg font-semibold">
              Entries
            </h2>
            <p className="text-sm" data-testid="day-total">
              Total today: <span className="font-semibold tabular-nums">{formatDuration(total)}</span>
            </p>
          </div>
          {locked && sheet.data ? (
            <p className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-muted/50 p-3 text-sm">
              This week&apos;s timesheet is <StatusBadge status={sheet.data.status} />, so its entries are locked.
            </p>
          ) : null}
          <ErrorMessage error={logs.error} />
          {logs.isPending ? (
            <div className="grid gap-2">
              <Skeleton className="h-16" />
              <Skeleton className="h-16" />
            </div>
          ) : sorted.length === 0 ? (
            <EmptyState title="No time logged today">Start the timer, or add time you worked without it.</EmptyState>
          ) : (
            <EntryList
              logs={sorted}
              timeZone={timeZone}
              names={names}
              nowMs={now}
              skewMs={skew}
              day={today}
              locked={locked}
              onEdit={editing.onEdit}
              onDelete={editing.onDelete}
            />
          )}
        </section>
      </div>

      <EntryEditingDialogs editing={editing} timeZone={timeZone} nowMs={now} projects={projects.data} tasks={tasks.data} />
    </>
  );
}
