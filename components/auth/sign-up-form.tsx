"use client";

import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { Field, NameFields, NewPasswordField } from "./field";
import { useSignUp } from "./use-sign-up";

const FIELDS = ["firstName", "lastName", "email", "password", "orgName"] as const;

/** A new organisation and its admin through POST /v1/auth/signup, then signed in. */
export function SignUpForm() {
  const { pending, formError, fieldErrors, signUp } = useSignUp(FIELDS);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
    signUp("/v1/auth/signup", body, { email: body.email ?? "", password: body.password ?? "" });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <NameFields errors={fieldErrors} />
      <Field id="email" label="Work e-mail" type="email" autoComplete="email" required error={fieldErrors.email} />
      <NewPasswordField id="password" label="Password" error={fieldErrors.password} />
      <Field id="orgName" label="Organisation name" autoComplete="organization" required error={fieldErrors.orgName} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your organisation…" : "Create account"}
      </Button>
    </form>
  );
}
