"use client";

import { Pencil, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { localDate } from "@/lib/time/zones";
import { formatDay, formatDuration, clockIn } from "@/components/format/time";
import type { Names } from "./project-task-fields";
import { elapsedSeconds } from "./timer-state";
import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

const TYPE_LABEL: Record<TimeLog["logType"], string> = { TRACKED: "Timer", MANUAL: "Manual", IDLE: "Idle", RESUMED: "Resumed" };

/** "09:00 – 10:30", naming the day of an end or start that is not on `day`. */
function rangeLabel(log: TimeLog, timeZone: string, day: string | null): { start: string; end: string } {
  const at = (iso: string) => {
    const d = localDate(new Date(iso), timeZone);
    const t = clockIn(iso, timeZone);
    return day && d !== day ? `${formatDay(d)} ${t}` : t;
  };
  return { start: at(log.startedAt), end: log.stoppedAt ? at(log.stoppedAt) : "now" };
}

export function EntryList({
  logs,
  timeZone,
  names,
  nowMs,
  skewMs = 0,
  day,
  locked,
  onEdit,
  onDelete,
}: {
  logs: TimeLog[];
  timeZone: string;
  names: Names;
  nowMs: number;
  skewMs?: number;
  /** The day the list shows; times on other days name their day. */
  day: string | null;
  locked: boolean;
  onEdit: (log: TimeLog) => void;
  onDelete: (log: TimeLog) => void;
}) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border">
      {logs.map((log) => {
        const { start, end } = rangeLabel(log, timeZone, day);
        const seconds = log.stoppedAt ? log.duration : elapsedSeconds(log.startedAt, nowMs, skewMs);
        const task = names.task(log.taskId);
        const label = `${log.description || "Untitled entry"}, ${start} to ${end}`;
        return (
          <li key={log.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:gap-4">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{log.description || <span className="text-muted-foreground italic">No description</span>}</p>
              <p className="truncate text-sm text-muted-foreground">
                {names.project(log.projectId)}
                {task ? ` · ${task}` : ""}
              </p>
            </div>
            <div className="flex items-center justify-between gap-3 sm:justify-end">
              <div className="flex items-center gap-2 text-sm">
                {log.stoppedAt ? <Badge variant="outline">{TYPE_LABEL[log.logType] ?? log.logType}</Badge> : <Badge variant="success">Running</Badge>}
                <span className="whitespace-nowrap text-muted-foreground tabular-nums">
                  {start} – {end}
                </span>
                <span className="w-16 text-right font-medium tabular-nums">{formatDuration(seconds)}</span>
              </div>
              <div className="flex gap-1">
                <Button type="button" variant="ghost" size="icon" disabled={locked} onClick={() => onEdit(log)} aria-label={`Edit entry: ${label}`}>
                  <Pencil aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  disabled={locked}
                  onClick={() => onDelete(log)}
                  aria-label={`Delete entry: ${label}`}
                >
                  <Trash2 aria-hidden />
                </Button>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
