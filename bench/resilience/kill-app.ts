// The app killed (kill -9 of `next start`) 20 times under an autocannon write load against
// PostgreSQL: every acknowledged entry is present afterwards and a running timer is still running.
//   npm run test:resilience   (or: npx tsx bench/resilience/kill-app.ts)
import autocannonLib from "autocannon";
import postgres from "postgres";
import { BASE, dbUrl, freshDatabase, http, kill9, missingEntries, nextLog, signupAdmin, startApp, waitHealthy } from "./common";
import { openDatabase } from "@/db/client";

// autocannon's typings miss `requests[].onResponse` and the instance's stop(); its runtime has both.
type Instance = { on(event: string, fn: () => void): void; stop(): void };
const autocannon = autocannonLib as unknown as (opts: Record<string, unknown>) => Instance;

const KILLS = Number(process.env.RESILIENCE_KILLS ?? 20);

async function main() {
  await freshDatabase();
  (await openDatabase({ url: dbUrl(), migrate: true, poolMax: 1 })).close();
  let app = startApp();
  process.on("exit", () => kill9(app));
  await waitHealthy(60_000);
  const token = await signupAdmin();
  const timer = await http("POST", "/api/timesheet/timer/start", { token, body: {} });
  if (timer.status !== 201) throw new Error(`timer start ${timer.status} ${JSON.stringify(timer.body)}`);
  const acknowledged: string[] = [];
  let errors = 0;
  for (let round = 1; round <= KILLS; round++) {
    if (round > 1) {
      app = startApp();
      await waitHealthy(60_000);
    }
    const instance = autocannon({
      url: BASE,
      connections: 8,
      duration: 30,
      requests: [
        {
          method: "POST",
          path: "/api/timesheet/time-log",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ ...nextLog(), description: "load" }) }),
          onResponse: (status: number, body: string) => {
            if (status === 201) acknowledged.push(JSON.parse(body).id);
          },
        },
      ],
    });
    instance.on("reqError", () => errors++);
    await new Promise((r) => setTimeout(r, 700 + Math.random() * 800));
    kill9(app); // mid-load
    await new Promise((r) => setTimeout(r, 300));
    instance.stop();
  }
  app = startApp();
  await waitHealthy(60_000);
  // the API agrees: the timer is still running (retried while killed backends are reaped)
  let status = await http("GET", "/api/timesheet/timer/status", { token });
  for (const until = Date.now() + 10_000; status.status !== 200 && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 250));
    status = await http("GET", "/api/timesheet/timer/status", { token });
  }
  const apiSaysRunning = status.status === 200 && JSON.stringify(status.body).includes(timer.body.id);
  kill9(app);
  const missing = await missingEntries(acknowledged);
  const sql = postgres(dbUrl(), { max: 1, onnotice: () => {} });
  const [running] = await sql<{ n: string }[]>`select count(*)::text as n from time_entries where stopped_at is null and id = ${timer.body.id}`;
  const [overlaps] = await sql<{ n: string }[]>`select count(*)::text as n from time_entries a join time_entries b on a.organization_id = b.organization_id and a.user_id = b.user_id and a.id < b.id and tstzrange(a.started_at, coalesce(a.stopped_at, 'infinity')) && tstzrange(b.started_at, coalesce(b.stopped_at, 'infinity'))`;
  await sql.end({ timeout: 5 });
  const result = {
    kills: KILLS,
    acknowledged: acknowledged.length,
    connectionErrors: errors,
    missingAcknowledged: missing.length,
    timerStillRunning: running!.n === "1",
    timerStatusAfter: status.status,
    apiSaysRunning,
    overlappingEntries: Number(overlaps!.n),
  };
  console.log(JSON.stringify(result, null, 2));
  const ok = missing.length === 0 && running!.n === "1" && apiSaysRunning && Number(overlaps!.n) === 0 && acknowledged.length > 0;
  console.log(ok ? "PASS kill-app" : "FAIL kill-app");
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
