"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Globe } from "lucide-react";
import { Field, NameFields } from "@/components/auth/field";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/feedback";
import { api } from "@/lib/api-client";
import { isValidTimeZone } from "@/lib/time/zones";
import type { UserView } from "@/lib/validation/account-responses";

const FIELDS = ["firstName", "lastName", "timeZone"] as const;

export type ProfileUser = Pick<UserView, "id" | "firstName" | "lastName" | "email" | "timeZone">;

/** Name and time zone (PUT /v1/users/{id}); the zone decides every day and week the app shows. */
export function ProfileForm({ user, zones }: { user: ProfileUser; zones: string[] }) {
  const router = useRouter();
  const { pending, formError, fieldErrors, run } = useApiForm(FIELDS);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const form = new FormData(e.currentTarget);
    const body = { firstName: String(form.get("firstName") ?? "").trim(), lastName: String(form.get("lastName") ?? "").trim(), timeZone: timeZone.trim() };
    if (!isValidTimeZone(body.timeZone)) {
      setLocalError("Time zone must be an IANA time zone name, such as Europe/Berlin or America/New_York");
      return;
    }
    setLocalError(null);
    void run(async () => {
      await api(`/v1/users/${user.id}`, { method: "PUT", body });
      setSaved(true);
      // the layout's name and every page's days follow the saved profile
      router.refresh();
    });
  }

  function pickDeviceZone() {
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    setLocalError(null);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <ErrorMessage error={formError} />
      <NameFields errors={fieldErrors} defaults={user} required={false} />
      <Field id="email" label="E-mail" type="email" value={user.email} readOnly aria-readonly hint="Ask an admin to change your e-mail address." />
      <div className="grid gap-2">
        <Field
          id="timeZone"
          label="Time zone"
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          hint="Your days and weeks (Monday to Sunday) are counted in this zone."
          error={localError ?? fieldErrors.timeZone}
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div>
          <Button type="button" variant="ghost" size="sm" onClick={pickDeviceZone}>
            <Globe aria-hidden />
            Use this device&apos;s time zone
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {saved ? "Profile saved" : ""}
        </p>
      </div>
    </form>
  );
}
