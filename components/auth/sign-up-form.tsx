"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { api } from "@/lib/api-client";
import { Field } from "./field";
import { useApiForm } from "./use-api-form";

const FIELDS = ["firstName", "lastName", "email", "password", "orgName"] as const;

/** A new organisation and its admin through POST /v1/auth/signup, then signed in. */
export function SignUpForm() {
  const router = useRouter();
  const { pending, formError, fieldErrors, run } = useApiForm(FIELDS);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
    void run(async () => {
      await api("/v1/auth/signup", { method: "POST", body });
      const res = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!res || res.error) throw new Error("Your account was created, but signing in failed. Please sign in.");
      router.replace("/app");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" label="First name" autoComplete="given-name" required error={fieldErrors.firstName} />
        <Field id="lastName" label="Last name" autoComplete="family-name" required error={fieldErrors.lastName} />
      </div>
      <Field id="email" label="Work e-mail" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        required
        hint="12 to 128 characters; common passwords are refused."
        error={fieldErrors.password}
      />
      <Field id="orgName" label="Organisation name" autoComplete="organization" required error={fieldErrors.orgName} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your organisation…" : "Create account"}
      </Button>
    </form>
  );
}
