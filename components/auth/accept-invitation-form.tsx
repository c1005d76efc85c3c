"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { api } from "@/lib/api-client";
import { Field } from "./field";
import { useApiForm } from "./use-api-form";

const FIELDS = ["firstName", "lastName", "email", "password"] as const;

/** Signup through an invitation link (POST /v1/auth/invitations/{invId}/signup), then signed in. */
export function AcceptInvitationForm({ invId, token, email }: { invId: string; token: string; email: string }) {
  const router = useRouter();
  const { pending, formError, fieldErrors, run } = useApiForm(FIELDS);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const read = (name: string) => String(form.get(name) ?? "");
    const body = { token, email, firstName: read("firstName"), lastName: read("lastName"), password: read("password") };
    void run(async () => {
      await api(`/v1/auth/invitations/${invId}/signup`, { method: "POST", body });
      const res = await signIn("credentials", { email, password: body.password, redirect: false });
      if (!res || res.error) throw new Error("Your account was created, but signing in failed. Please sign in.");
      router.replace("/app");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <Field id="email" label="E-mail" type="email" value={email} readOnly aria-readonly error={fieldErrors.email} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" label="First name" autoComplete="given-name" required error={fieldErrors.firstName} />
        <Field id="lastName" label="Last name" autoComplete="family-name" required error={fieldErrors.lastName} />
      </div>
      <Field
        id="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        required
        hint="12 to 128 characters; common passwords are refused."
        error={fieldErrors.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
