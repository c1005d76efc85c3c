import { env } from "@/lib/env";

type Level = "error" | "info" | "debug";
const rank = { silent: 0, error: 1, info: 2, debug: 3 } as const;

// One structured line per event, on stdout.
export function log(level: Level, fields: Record<string, unknown>): void {
  if (rank[env().LOG_LEVEL] < rank[level]) return;
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), ...fields })}\n`);
}
