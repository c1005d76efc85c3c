import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A labelled input whose error is announced and tied to it. */
export function Field({ id, label, error, hint, ...props }: React.ComponentProps<typeof Input> & { id: string; label: string; error?: string | null; hint?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A new password, with the server's rule as its hint (12 to 128 characters, not a common one). */
export function NewPasswordField(props: Omit<React.ComponentProps<typeof Field>, "type" | "hint">) {
  return (
    <Field
      type="password"
      autoComplete="new-password"
      minLength={12}
      maxLength={128}
      required
      hint="12 to 128 characters; common passwords are refused."
      {...props}
    />
  );
}

/** First and last name side by side. */
export function NameFields({
  errors,
  defaults,
  required = true,
}: {
  errors: { firstName?: string; lastName?: string };
  defaults?: { firstName: string; lastName: string };
  required?: boolean;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="firstName" label="First name" autoComplete="given-name" defaultValue={defaults?.firstName} maxLength={200} required={required} error={errors.firstName} />
      <Field id="lastName" label="Last name" autoComplete="family-name" defaultValue={defaults?.lastName} maxLength={200} required={required} error={errors.lastName} />
    </div>
  );
}
