"use client";

import { useState } from "react";
import { ApiError } from "@/lib/api-client";

/**
 * Submitting state and errors of a form that calls a /v1 route: a 422 that names a body
 * field ("body.email") is shown under that field, anything else above the form.
 */
export function useApiForm(fields: readonly string[]) {
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function run(fn: () => Promise<void>) {
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    try {
      await fn();
    } catch (err) {
      const field = err instanceof ApiError && typeof err.details?.field === "string" ? err.details.field.replace(/^body\./, "") : null;
      const message = err instanceof Error ? err.message.replace(/^(body\.)?[\w.]+: /, "") : "Something went wrong";
      if (field && fields.includes(field)) setFieldErrors({ [field]: message.charAt(0).toUpperCase() + message.slice(1) });
      else setFormError(err instanceof Error ? err.message : "Something went wrong");
    } finally {
      setPending(false);
    }
  }

  return { pending, formError, fieldErrors, setFormError, run };
}
