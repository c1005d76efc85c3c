"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** A button that asks before it does something that cannot be undone; the dialog stays open on failure and says why. */
export function ConfirmButton({
  title,
  description,
  confirmLabel,
  onConfirm,
  children,
  variant = "outline",
  size = "sm",
  disabled,
  "aria-label": ariaLabel,
}: {
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  children: React.ReactNode;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  disabled?: boolean;
  "aria-label"?: string;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setError(null);
      }}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={() => void confirm()}
      pending={pending}
      error={error}
      trigger={
        <Button type="button" variant={variant} size={size} disabled={disabled} aria-label={ariaLabel}>
          {children}
        </Button>
      }
    />
  );
}
