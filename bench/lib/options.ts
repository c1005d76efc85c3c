import { parseArgs } from "node:util";

// npm run bench -- [--quick] [--users N] [--teams T] [--days D] [--activities A per user-day] [--rebuild] [--explain]

export interface BenchOptions {
  quick: boolean;
  users: number;
  teams: number;
  days: number;
  activitiesPerDay: number;
  /** Seconds per autocannon run. */
  seconds: number;
  /** Timed runs per in-process read. */
  runs: number;
  /** Seconds of the steady 20 req/s write phase. */
  steadySeconds: number;
  burst: number;
  rebuild: boolean;
  explain: boolean;
  url: string;
}

export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values: f } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      users: { type: "string" },
      teams: { type: "string" },
      days: { type: "string" },
      activities: { type: "string" },
      rebuild: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
    },
  });
  const quick = Boolean(f.quick);
  const users = Number(f.users ?? (quick ? 20 : 200));
  return {
    quick,
    users,
    teams: Number(f.teams ?? Math.max(1, Math.round(users / 20))),
    days: Number(f.days ?? (quick ? 14 : 90)),
    // 200 users × 90 days × 280 ≈ 5 million activities
    activitiesPerDay: Number(f.activities ?? (quick ? 60 : 280)),
    seconds: quick ? 3 : 8,
    runs: quick ? 15 : 40,
    steadySeconds: quick ? 3 : 10,
    burst: 2000,
    rebuild: Boolean(f.rebuild),
    explain: Boolean(f.explain),
    url: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/timebase_bench",
  };
}
