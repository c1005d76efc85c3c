"use client";

import { useRef, useState } from "react";
import { Field, NewPasswordField } from "@/components/auth/field";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { api } from "@/lib/api-client";

/**
 * A new password (PUT /v1/users/{id}/password); the person's other sessions end. The
 * current password is needed unless this session signed in within the last 10 minutes.
 */
export function PasswordForm({ userId }: { userId: string }) {
  const { pending, formError, fieldErrors, run } = useApiForm(["password", "currentPassword"]);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    const currentPassword = String(form.get("currentPassword") ?? "");
    if (password !== String(form.get("repeatPassword") ?? "")) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    void run(async () => {
      await api(`/v1/users/${userId}/password`, { method: "PUT", body: currentPassword ? { password, currentPassword } : { password } });
      formRef.current?.reset();
      setDone(true);
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <Field
        id="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        maxLength={1024}
        hint="Not needed if you signed in within the last 10 minutes."
        error={fieldErrors.currentPassword}
      />
      <NewPasswordField id="password" label="New password" error={fieldErrors.password} />
      <Field
        id="repeatPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        required
        error={mismatch ? "The two passwords differ" : null}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {done ? "Password changed. Your other sessions were signed out." : ""}
        </p>
      </div>
    </form>
  );
}
