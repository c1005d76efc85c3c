"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Avatar } from "@/components/ui/avatar";
import { ErrorMessage } from "@/components/ui/feedback";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/api-client";

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = "image/png,image/jpeg,image/webp";

async function send(userId: string, method: "PUT" | "DELETE", file?: File): Promise<void> {
  let body: FormData | undefined;
  if (file) {
    body = new FormData();
    body.append("file", file);
  }
  // multipart: the browser sets the boundary; the session cookie and Origin authenticate
  const res = await fetch(`/v1/users/${userId}/avatar`, { method, body, credentials: "same-origin" });
  if (!res.ok) {
    const b = (await res.json().catch(() => null)) as { message?: string; code?: string } | null;
    throw new ApiError(res.status, b?.message ?? `Request failed (${res.status})`, b?.code);
  }
}

/** The profile picture (PUT / DELETE /v1/users/{id}/avatar): PNG, JPEG or WebP up to 2 MB, shown at 256 px. */
export function AvatarUpload({ userId, name, url }: { userId: string; name: string; url: string | null }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  async function run(method: "PUT" | "DELETE", file?: File) {
    setError(null);
    setStatus("");
    if (file && file.size > MAX_BYTES) {
      setError("The picture must be at most 2 MB");
      return;
    }
    setPending(true);
    try {
      await send(userId, method, file);
      setStatus(method === "PUT" ? "Picture saved" : "Picture removed");
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Something went wrong");
    } finally {
      setPending(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-4">
      <Avatar name={name} url={url} className="size-20 text-lg" />
      <div className="grid gap-2">
        <Label htmlFor="avatar-file">Profile picture</Label>
        <input
          ref={input}
          id="avatar-file"
          name="file"
          type="file"
          accept={TYPES}
          disabled={pending}
          aria-describedby="avatar-hint"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void run("PUT", file);
          }}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-background file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-muted"
        />
        <p id="avatar-hint" className="text-xs text-muted-foreground">
          PNG, JPEG or WebP, at most 2 MB. It is cropped to a square.
        </p>
        <ErrorMessage error={error} />
        <div className="flex items-center gap-3">
          {url ? (
            <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={() => void run("DELETE")}>
              Remove picture
            </Button>
          ) : null}
          <p role="status" className="text-sm text-muted-foreground">
            {pending ? "Saving…" : status}
          </p>
        </div>
      </div>
    </div>
  );
}
