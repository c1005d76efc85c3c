import path from "node:path";
import { defineConfig } from "vitest/config";

// Every suite runs twice: on the embedded PGlite and on the PostgreSQL server
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), each file on
// a fresh, migrated database.
const shared = {
  include: ["test/**/*.test.ts"],
  setupFiles: ["test/setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  env: { LOG_LEVEL: "silent", NODE_ENV: "test" } as Record<string, string>,
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    pool: "forks",
    maxWorkers: 2,
    projects: [
      // pure logic next to the code: no database, run once
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"], env: shared.env } },
      {
        extends: true,
        test: { ...shared, name: "pglite", env: { ...shared.env, TEST_DB: "pglite" }, globalSetup: ["test/global-pglite.ts"] },
      },
      {
        extends: true,
        test: { ...shared, name: "postgres", env: { ...shared.env, TEST_DB: "postgres" }, globalSetup: ["test/global-postgres.ts"] },
      },
    ],
  },
});
