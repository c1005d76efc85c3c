import fs from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export type TestDbKind = "pglite" | "postgres";

export function testDbKind(): TestDbKind {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(kind: TestDbKind = testDbKind()): Promise<DbHandle> {
  if (kind === "pglite") {
    const dump = fs.readFileSync(inject("pgliteDump"));
    return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([dump]) });
  }
  const template = inject("templateDb");
  const runnerPid = /_(\d+)$/.exec(template)![1];
  const name = `timebase_test_${runnerPid}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin((sql) => sql.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const handle = await openDatabase({ url: urlFor(name), poolMax: 10 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
