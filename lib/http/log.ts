import { env } from "@/base/env";

type Level = "error" | "info" | "debug";
const rank = { silent: 0, error: 1, info: 2, debug: 3 } as const;

// Our opaque tokens (lib/auth/tokens.ts): tbat_ access, tbrt_ refresh, tb_ API key, tbin_
// invitation, tbsp_ set-password, then base64url. Secrets are never logged on purpose; this is
// the safety net for a message or error that quotes one anyway.
const TOKEN = /\btb(?:at|rt|sp|in)?_[A-Za-z0-9_-]{8,}/g;

export function redactSecrets(line: string): string {
  return line.replace(TOKEN, (m) => `${m.slice(0, m.indexOf("_") + 1)}[redacted]`);
}

// One structured line per event, on stdout.
export function log(level: Level, fields: Record<string, unknown>): void {
  if (rank[env().LOG_LEVEL] < rank[level]) return;
  process.stdout.write(`${redactSecrets(JSON.stringify({ level, time: new Date().toISOString(), ...fields }))}\n`);
}
