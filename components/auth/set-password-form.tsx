"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { api } from "@/lib/api-client";
import { Field, NewPasswordField } from "./field";
import { useApiForm } from "./use-api-form";

/** Chooses a password through a one-time link (POST /v1/auth/set-password). */
export function SetPasswordForm({ token }: { token: string }) {
  const { pending, formError, fieldErrors, setFormError, run } = useApiForm(["password"]);
  const [done, setDone] = useState(false);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setFormError("The two passwords differ.");
      return;
    }
    void run(async () => {
      await api("/v1/auth/set-password", { method: "POST", body: { token, password } });
      setDone(true);
    });
  }

  if (done) {
    return (
      <div className="grid gap-4" role="status">
        <p>Your password is set. Every earlier session of your account has been signed out.</p>
        <Button asChild>
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <NewPasswordField id="password" label="New password" autoFocus error={fieldErrors.password} />
      <Field id="confirm" label="Repeat the password" type="password" autoComplete="new-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
