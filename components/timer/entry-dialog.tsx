"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/feedback";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFieldError, endsNextDay, entryFormToBody, entryFormValues, type EntryFormValues } from "./entry-form";
import { ProjectTaskFields } from "./project-task-fields";
import { useEntryMutation } from "./queries";
import type { TimerRequest } from "./timer-state";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

export type EntryDialogTarget = { kind: "new"; day: string; projectId?: string | null } | { kind: "edit"; log: TimeLog };

interface Props {
  target: EntryDialogTarget | null;
  onClose: () => void;
  timeZone: string;
  nowMs: number;
  projects: Project[] | undefined;
  tasks: Task[] | undefined;
}

/** "Add time manually" and "Edit entry": local date and times in the person's zone. */
export function EntryDialog({ target, onClose, ...rest }: Props) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {target ? <EntryForm key={target.kind === "edit" ? target.log.id : `new-${target.day}`} target={target} onDone={onClose} {...rest} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EntryForm({ target, onDone, timeZone, nowMs, projects, tasks }: Omit<Props, "target" | "onClose"> & { target: EntryDialogTarget; onDone: () => void }) {
  const log = target.kind === "edit" ? target.log : null;
  const running = !!log && !log.stoppedAt;
  const [values, setValues] = useState<EntryFormValues>(() =>
    entryFormValues(log, timeZone, { day: target.kind === "new" ? target.day : "", nowMs, projectId: target.kind === "new" ? target.projectId : null }),
  );
  const [fieldError, setFieldError] = useState<{ field: keyof EntryFormValues; message: string } | null>(null);
  const save = useEntryMutation((body: Record<string, unknown>): TimerRequest[] =>
    log
      ? [{ method: "PUT", path: `/api/timesheet/time-log/${log.id}`, body }]
      : [{ method: "POST", path: "/api/timesheet/time-log", body: { ...body, logType: "MANUAL", source: "WEB_TIMER" } }],
  );

  const set = (patch: Partial<EntryFormValues>) => setValues((v) => ({ ...v, ...patch }));
  // the form's own check first, then a field the server named; other refusals go above the form
  const serverField = apiFieldError(save.error);
  const serverUnderField = !!serverField && ["date", "start", "end"].includes(serverField.field);
  const shown = fieldError ?? (serverUnderField ? serverField : null);
  const errorOf = (field: keyof EntryFormValues) => (shown?.field === field ? shown.message : null);
  const invalid = (field: keyof EntryFormValues) => (shown?.field === field ? { "aria-invalid": true, "aria-describedby": `entry-${field}-error` } : {});

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const result = entryFormToBody(values, timeZone, { running });
    if (!result.ok) {
      setFieldError({ field: result.field, message: result.message });
      return;
    }
    setFieldError(null);
    save.mutate(result.body, { onSuccess: onDone });
  }

  const nextDay = !running && endsNextDay(values.start, values.end);
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>{log ? "Edit entry" : "Add time manually"}</DialogTitle>
        <DialogDescription>Times are in your time zone, {timeZone}.</DialogDescription>
      </DialogHeader>
      <ErrorMessage error={serverUnderField ? null : (serverField?.message ?? save.error)} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="grid gap-1.5">
          <Label htmlFor="entry-date">Date</Label>
          <Input id="entry-date" type="date" required value={values.date} onChange={(e) => set({ date: e.target.value })} {...invalid("date")} />
          <FieldError id="entry-date-error" message={errorOf("date")} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="entry-start">Start</Label>
          <Input id="entry-start" type="time" required value={values.start} onChange={(e) => set({ start: e.target.value })} {...invalid("start")} />
          <FieldError id="entry-start-error" message={errorOf("start")} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="entry-end">End</Label>
          {running ? (
            <p className="flex h-9 items-center text-sm text-muted-foreground">Running (stop the timer to end it)</p>
          ) : (
            <>
              <Input id="entry-end" type="time" required value={values.end} onChange={(e) => set({ end: e.target.value })} {...invalid("end")} />
              <FieldError id="entry-end-error" message={errorOf("end")} />
              {nextDay ? <p className="text-xs text-muted-foreground">Ends the next day</p> : null}
            </>
          )}
        </div>
      </div>
      <ProjectTaskFields
        idPrefix="entry"
        projects={projects}
        tasks={tasks}
        projectId={values.projectId}
        taskId={values.taskId}
        onChange={(v) => set(v)}
      />
      <div className="grid gap-1.5">
        <Label htmlFor="entry-description">Description</Label>
        <Input id="entry-description" value={values.description} maxLength={5000} onChange={(e) => set({ description: e.target.value })} placeholder="What did you work on?" />
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : log ? "Save changes" : "Add entry"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {message}
    </p>
  );
}
