"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { api } from "@/lib/api-client";
import { useApiForm } from "./use-api-form";

/** A sign-up form (a new organisation, or an invitation): create the account, sign in with it, go to the app. */
export function useSignUp(fields: readonly string[]) {
  const router = useRouter();
  const form = useApiForm(fields);

  function signUp(path: string, body: Record<string, string>, credentials: { email: string; password: string }) {
    void form.run(async () => {
      await api(path, { method: "POST", body });
      const res = await signIn("credentials", { ...credentials, redirect: false });
      if (!res || res.error) throw new Error("Your account was created, but signing in failed. Please sign in.");
      router.replace("/app");
      router.refresh();
    });
  }

  return { ...form, signUp };
}
