import { sql } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { migrationsFolder, type DbHandle } from "@/db/client";
import { rowsOf } from "@/db/sql";

interface JournalEntry {
  tag: string;
  when: number;
}

let journalCache: JournalEntry[] | undefined;

/** The migrations shipped with this build (read once: they do not change while it runs). */
function journal(): JournalEntry[] {
  if (!journalCache) {
    const raw = fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8");
    journalCache = (JSON.parse(raw) as { entries: JournalEntry[] }).entries;
  }
  return journalCache;
}

/** The database kind and the last migration applied to it; throws when the database is gone. */
export async function databaseHealth(handle: DbHandle) {
  const result = await handle.db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
  const at = Number(rowsOf<{ at: string | null }>(result)[0]?.at ?? 0);
  const applied = journal().filter((e) => e.when <= at).at(-1);
  return { status: "ok" as const, database: handle.kind, migration: applied?.tag ?? null };
}
