"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** The reason a denial needs; the person reads it on their week and can fix and resubmit. */
export function DenyForm({ count, pending, onDeny, onCancel }: { count: number; pending: boolean; onDeny: (reason: string) => void; onCancel: () => void }) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === "";
  return (
    <form
      noValidate
      className="grid grid-cols-1 gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!missing) onDeny(reason.trim());
      }}
    >
      <div className="grid grid-cols-1 gap-2">
        <Label htmlFor={id}>Reason for denying {count === 1 ? "this timesheet" : `${count} timesheets`}</Label>
        <Textarea
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          required
          autoFocus
          aria-invalid={touched && missing ? true : undefined}
          aria-describedby={`${id}-hint`}
          placeholder="e.g. Tuesday is missing the client workshop"
        />
        <p id={`${id}-hint`} className={touched && missing ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
          {touched && missing ? "Say why, so they know what to fix." : "They see this on their week and can change the entries and submit again."}
        </p>
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? "Denying…" : count === 1 ? "Deny timesheet" : `Deny ${count} timesheets`}
        </Button>
      </div>
    </form>
  );
}
