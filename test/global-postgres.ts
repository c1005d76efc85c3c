import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { urlFor, withAdmin } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Migrates a template database once per run; each test file copies it (CREATE DATABASE … TEMPLATE).
// Names carry the runner's pid, so parallel runs never touch each other's databases.
export default async function setup(project: TestProject) {
  const template = `timebase_tpl_${process.pid}`;
  await withAdmin(async (sql) => {
    const existing = await sql<{ datname: string }[]>`select datname from pg_database where datname ~ '^timebase_(tpl|test)_[0-9]+'`;
    for (const { datname } of existing) {
      const pid = Number(/_(\d+)/.exec(datname)?.[1]);
      if (!alive(pid)) await sql.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await sql.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE "${template}"`);
  });
  const handle = await openDatabase({ url: urlFor(template), migrate: true, poolMax: 1 });
  await handle.close();
  project.provide("templateDb", template);
  console.log(`[postgres] template database ${template} migrated on ${urlFor(template).replace(/\/\/[^@]*@/, "//")}`);
  return async () => {
    await withAdmin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}
