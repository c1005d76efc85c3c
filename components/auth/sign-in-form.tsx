"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { safeCallbackUrl, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { Field } from "./field";

/** E-mail and password through next-auth's credentials provider. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string | null }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const target = safeCallbackUrl(callbackUrl, "/app", window.location.origin);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl: target,
    });
    if (!res || res.error) {
      setPending(false);
      setError(signInErrorMessage(res?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(target);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={error} />
      <Field id="email" label="E-mail" type="email" autoComplete="email" required autoFocus />
      <Field id="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
