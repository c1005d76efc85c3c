"use client";

import { useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A person's picture from this app's avatar route (profilePicUrl, made same-origin so the session
 * cookie goes along), or their initials. Addresses on other hosts are not loaded: the page's CSP
 * allows images from this app only.
 */
export function avatarSrc(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, "http://local");
    return /^\/v1\/users\/[0-9a-f-]{36}\/avatar$/i.test(u.pathname) ? `${u.pathname}${u.search}` : null;
  } catch {
    return null;
  }
}

function initialsOf(name: string): string {
  const parts = name.replace(/@.*/, "").split(/[\s.,_-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function Avatar({ name, url, className }: { name: string; url: string | null | undefined; className?: string }) {
  const src = avatarSrc(url);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <span
      data-slot="avatar"
      className={cn("relative inline-flex size-8 shrink-0 items-center justify-center overflow-hidden rounded-full bg-muted text-xs font-medium text-muted-foreground", className)}
    >
      {src && failed !== src ? (
        // eslint-disable-next-line @next/next/no-img-element -- an authorised API route, not a static asset
        <img src={src} alt={`${name}'s picture`} className="size-full object-cover" onError={() => setFailed(src)} />
      ) : (
        <span aria-hidden>{initialsOf(name)}</span>
      )}
    </span>
  );
}
