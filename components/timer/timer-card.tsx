"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { Play, Square } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ErrorMessage } from "@/components/ui/feedback";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { clockIn } from "@/components/format/time";
import { ProjectTaskFields } from "./project-task-fields";
import { useEntryMutation } from "./queries";
import {
  applyRequests,
  clockSkew,
  draftOf,
  elapsedSeconds,
  formatClock,
  isDirty,
  isTimerShortcut,
  startRequests,
  stopRequests,
  switchRequests,
  type TimerDraft,
  type TimerRequest,
} from "./timer-state";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { TimerStatus } from "./timer-state";
import { useNow } from "./use-clock";

interface Props {
  status: TimerStatus;
  projects: Project[] | undefined;
  tasks: Task[] | undefined;
  timeZone: string;
  serverNow: number;
}


type Action = "start" | "stop" | "switch" | "apply";
const DONE: Record<Action, string> = {
  start: "Timer started",
  stop: "Timer stopped",
  switch: "Switched: the previous entry was stopped and a new one started",
  apply: "The running entry was updated",
};

/** The timer. Its form starts over whenever the running log changes (here, in another tab, or on the desktop). */
export function TimerCard({ status, projects, tasks, timeZone, serverNow }: Props) {
  const running = status.running;
  const [draft, setDraft] = useState<TimerDraft>(() => draftOf(running));
  const [shownId, setShownId] = useState(running?.id ?? null);
  if ((running?.id ?? null) !== shownId) {
    // adjusting state while rendering (not in an effect) keeps focus on the button
    setShownId(running?.id ?? null);
    setDraft(draftOf(running));
  }
  const [announcement, setAnnouncement] = useState("");
  const now = useNow(serverNow);
  const mutation = useEntryMutation((v: { action: Action; requests: TimerRequest[] }) => v.requests);

  const skew = running ? clockSkew(running, status.receivedAt) : 0;
  const elapsed = running ? elapsedSeconds(running.startedAt, now, skew) : 0;
  const dirty = isDirty(running, draft);

  function run(action: Action, requests: TimerRequest[]) {
    if (mutation.isPending || requests.length === 0) return;
    setAnnouncement("");
    mutation.mutate({ action, requests }, { onSuccess: () => setAnnouncement(DONE[action]) });
  }
  const toggle = () => (running ? run("stop", stopRequests()) : run("start", startRequests(draft)));

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!isTimerShortcut({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, repeat: e.repeat, defaultPrevented: e.defaultPrevented, target: e.target as HTMLElement | null })) return;
    e.preventDefault();
    toggle();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <Card className="gap-4 py-4">
      <CardContent className="px-4 sm:px-6">
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            // Enter in a field starts an idle timer, and corrects a running one instead of stopping it
            e.preventDefault();
            if (!running) run("start", startRequests(draft));
            else if (dirty) run("apply", applyRequests(running, draft));
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="timer-description">What are you working on?</Label>
            <Input
              id="timer-description"
              value={draft.description}
              maxLength={5000}
              placeholder="e.g. Design review"
              onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
            />
          </div>
          <ProjectTaskFields
            idPrefix="timer"
            projects={projects}
            tasks={tasks}
            projectId={draft.projectId ?? ""}
            taskId={draft.taskId ?? ""}
            onChange={(v) => setDraft((d) => ({ ...d, projectId: v.projectId || null, taskId: v.taskId || null }))}
          />
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <div role="timer" aria-label="Elapsed time" className="font-mono text-4xl font-semibold tabular-nums" data-testid="timer-clock">
                {formatClock(elapsed)}
              </div>
              <p className="text-sm text-muted-foreground">
                {running ? `Running since ${clockIn(running.startedAt, timeZone)}` : "Not running"}
              </p>
            </div>
            <div className="flex flex-col items-stretch gap-1 sm:items-end">
              <Button type="button" onClick={toggle} size="lg" variant={running ? "destructive" : "default"} disabled={mutation.isPending} aria-keyshortcuts="s">
                {running ? <Square aria-hidden /> : <Play aria-hidden />}
                {running ? "Stop timer" : "Start timer"}
              </Button>
              <p className="text-xs text-muted-foreground">
                Shortcut: press <kbd className="rounded border border-border bg-muted px-1 font-mono">S</kbd> to {running ? "stop" : "start"}
              </p>
            </div>
          </div>
          {running && dirty ? (
            <div className="flex flex-col gap-2 rounded-md border border-border bg-muted/50 p-3 sm:flex-row sm:items-center">
              <p className="flex-1 text-sm">You changed what you are working on.</p>
              <Button type="button" size="sm" disabled={mutation.isPending} onClick={() => run("switch", switchRequests(running, draft))}>
                Switch from now
              </Button>
              <Button type="button" size="sm" variant="outline" disabled={mutation.isPending} onClick={() => run("apply", applyRequests(running, draft))}>
                Change running entry
              </Button>
            </div>
          ) : null}
          <ErrorMessage error={mutation.error} />
        </form>
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </CardContent>
    </Card>
  );
}
