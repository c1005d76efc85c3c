"use client";

import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { Field, NameFields, NewPasswordField } from "./field";
import { useSignUp } from "./use-sign-up";

const FIELDS = ["firstName", "lastName", "email", "password"] as const;

/** Signup through an invitation link (POST /v1/auth/invitations/{invId}/signup), then signed in. */
export function AcceptInvitationForm({ invId, token, email }: { invId: string; token: string; email: string }) {
  const { pending, formError, fieldErrors, signUp } = useSignUp(FIELDS);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const read = (name: string) => String(form.get(name) ?? "");
    const password = read("password");
    signUp(`/v1/auth/invitations/${invId}/signup`, { token, email, firstName: read("firstName"), lastName: read("lastName"), password }, { email, password });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <Field id="email" label="E-mail" type="email" value={email} readOnly aria-readonly error={fieldErrors.email} />
      <NameFields errors={fieldErrors} />
      <NewPasswordField id="password" label="Choose a password" error={fieldErrors.password} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
