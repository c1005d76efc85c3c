import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { env } from "@/base/env";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), "drizzle");

export interface OpenOptions {
  url?: string;
  /** PGlite data folder; "memory://" for an in-memory database. */
  dataDir?: string;
  /** PGlite: start from a dumped data folder (tests). */
  loadDataDir?: Blob;
  migrate?: boolean;
  poolMax?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  const handle = opts.url ? await openPostgres(opts.url, opts.poolMax ?? 10) : await openPglite(opts.dataDir ?? "memory://", opts.loadDataDir);
  if (opts.migrate) await migrateDatabase(handle);
  return handle;
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Short connect timeout: with the database down, requests answer 503 instead of hanging.
  const client = postgres(url, { max, connect_timeout: 3, idle_timeout: 30, onnotice: () => {} });
  const { preparingClient } = await import("./prepared");
  const prepared = env().DATABASE_PREPARED_STATEMENTS === "on";
  const db = drizzle(prepared ? preparingClient(client) : client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  // PGlite has a single connection; it queues concurrent queries and transactions itself.
  const client = await PGlite.create(dataDir, { extensions: { btree_gist }, loadDataDir });
  await client.exec("SET max_parallel_workers_per_gather = 0");
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

// One handle per process (kept on globalThis so Next's dev reloads reuse it).
const g = globalThis as unknown as { __timebaseDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  if (!g.__timebaseDb) {
    const e = env();
    const opened = openDatabase({
      url: e.DATABASE_URL,
      dataDir: path.resolve(e.PGLITE_DIR),
      migrate: true,
      poolMax: e.DB_POOL_MAX,
    });
    g.__timebaseDb = opened;
    // A failed open (database down at start) is retried on the next request.
    opened.catch(() => {
      if (g.__timebaseDb === opened) g.__timebaseDb = undefined;
    });
  }
  return g.__timebaseDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests and scripts install their own database. */
export function setDbHandle(handle: DbHandle | undefined): void {
  g.__timebaseDb = handle ? Promise.resolve(handle) : undefined;
}
