import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { preparingClient } from "@/db/prepared";
import { adminUrl, testDbKind } from "../db";

// PostgreSQL only: PGlite has no statement cache to fill.
describe.runIf(testDbKind() === "postgres")("prepared statements through drizzle's postgres-js client", () => {
  const statements = async (sql: postgres.Sql) =>
    (await sql.unsafe<{ statement: string }[]>("select statement from pg_prepared_statements")).map((r) => r.statement);

  it("prepares a parameterised statement once per connection and reuses it; a statement without parameters stays unprepared", async () => {
    const sql = preparingClient(postgres(adminUrl(), { max: 1, onnotice: () => {} }));
    try {
      expect(await sql.unsafe("select $1::int + 1 as n", [1])).toEqual([{ n: 2 }]);
      expect(await sql.unsafe("select $1::int + 1 as n", [41])).toEqual([{ n: 42 }]);
      await sql.unsafe("select 7 as plain");
      const names = await statements(sql);
      expect(names.filter((s) => s.includes("$1::int + 1"))).toHaveLength(1);
      expect(names.some((s) => s.includes("plain"))).toBe(false);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("prepares inside transactions and savepoints too, and a rolled-back transaction leaves the client working", async () => {
    const sql = preparingClient(postgres(adminUrl(), { max: 1, onnotice: () => {} }));
    try {
      await sql.begin(async (tx) => {
        await tx.unsafe("select $1::text || 'x' as s", ["a"]);
        await tx.savepoint(async (sp) => sp.unsafe("select $1::text || 'y' as s", ["b"]));
      });
      await expect(sql.begin(async (tx) => tx.unsafe("select 1 / $1::int", [0]))).rejects.toThrow(/division by zero/);
      expect(await sql.unsafe("select $1::int + 1 as n", [1])).toEqual([{ n: 2 }]);
      const names = await statements(sql);
      expect(names.some((s) => s.includes("|| 'x'"))).toBe(true);
      expect(names.some((s) => s.includes("|| 'y'"))).toBe(true);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("stops preparing new statement shapes past the cap", async () => {
    const full = new Set(Array.from({ length: 500 }, (_, i) => `select ${i}`));
    const sql = preparingClient(postgres(adminUrl(), { max: 1, onnotice: () => {} }), full);
    try {
      await sql.unsafe("select $1::int as capped", [1]);
      expect((await statements(sql)).some((s) => s.includes("capped"))).toBe(false);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
