"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDuration } from "@/components/format/time";
import { EntryDialog, type EntryDialogTarget } from "./entry-dialog";
import { useEntryMutation } from "./queries";
import { deleteRequests } from "./timer-state";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

/** The add/edit dialog and the delete confirmation that the Today and Week pages share. */
export function useEntryEditing() {
  const [dialog, setDialog] = useState<EntryDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<TimeLog | null>(null);
  const remove = useEntryMutation(deleteRequests);
  return {
    dialog,
    deleting,
    remove,
    open: setDialog,
    close: () => setDialog(null),
    onEdit: (log: TimeLog) => setDialog({ kind: "edit", log }),
    onDelete: (log: TimeLog) => {
      remove.reset();
      setDeleting(log);
    },
    cancelDelete: () => setDeleting(null),
  };
}

export function EntryEditingDialogs({
  editing,
  timeZone,
  nowMs,
  projects,
  tasks,
}: {
  editing: ReturnType<typeof useEntryEditing>;
  timeZone: string;
  nowMs: number;
  projects: Project[] | undefined;
  tasks: Task[] | undefined;
}) {
  const { dialog, deleting, remove } = editing;
  return (
    <>
      <EntryDialog target={dialog} onClose={editing.close} timeZone={timeZone} nowMs={nowMs} projects={projects} tasks={tasks} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && editing.cancelDelete()}
        title="Delete this entry?"
        description={deleting ? `${deleting.description || "Untitled entry"} (${formatDuration(deleting.duration)}) will be removed from your timesheet.` : ""}
        confirmLabel="Delete entry"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: editing.cancelDelete })}
      />
    </>
  );
}
