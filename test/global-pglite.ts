import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

// Migrates one in-memory PGlite and saves its data folder; each test file loads the copy
// instead of running every migration again.
export default async function setup(project: TestProject) {
  const handle = await openDatabase({ dataDir: "memory://", migrate: true });
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "timebase-pglite-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", file);
  console.log("[pglite] migrated data folder prepared");
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
