// PostgreSQL stopped under load: requests answer 503 within 5 s instead of hanging, the process
// stays up, service returns within 10 s of the database, and every acknowledged write is present.
// Stops and restarts the local server (pg_ctlcluster 15 main); it is restarted even on failure.
//   npm run test:resilience   (or: npx tsx bench/resilience/pg-stop.ts)
import { dbUrl, freshDatabase, http, kill9, missingEntries, nextLog, pgCtl, signupAdmin, startApp, waitHealthy } from "./common";
import { openDatabase } from "@/db/client";

async function main() {
  await freshDatabase();
  (await openDatabase({ url: dbUrl(), migrate: true, poolMax: 1 })).close();
  const app = startApp();
  let pgStopped = false;
  const restore = () => {
    if (pgStopped) {
      try {
        pgCtl("start");
      } catch {
        /* already running */
      }
    }
    kill9(app);
  };
  process.on("exit", restore);
  process.on("SIGINT", () => process.exit(130));
  try {
    await waitHealthy(60_000);
    const token = await signupAdmin();
    const acknowledged: string[] = [];
    let stop = false;
    const outage: { status: number; ms: number }[] = [];
    let stoppedAt = Infinity;
    const writer = async () => {
      while (!stop) {
        const sentAt = Date.now();
        const r = await http("POST", "/api/timesheet/time-log", { token, body: nextLog(), timeoutMs: 15_000 });
        if (r.status === 201) acknowledged.push(r.body.id);
        // requests sent while the server is down (not those caught in flight by the shutdown)
        else if (pgStopped && sentAt >= stoppedAt) outage.push({ status: r.status, ms: r.ms });
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await new Promise((r) => setTimeout(r, 3000));
    const beforeStop = acknowledged.length;
    pgCtl("stop");
    pgStopped = true;
    stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 8000));
    const health = await http("GET", "/api/health", { timeoutMs: 6000 });
    pgCtl("start");
    pgStopped = false;
    const dbBackAt = Date.now();
    let recoveredMs = -1;
    while (Date.now() - dbBackAt < 30_000) {
      const r = await http("POST", "/api/timesheet/time-log", { token, body: nextLog(), timeoutMs: 6000 });
      if (r.status === 201) {
        acknowledged.push(r.body.id);
        recoveredMs = Date.now() - dbBackAt;
        break;
      }
      await new Promise((x) => setTimeout(x, 200));
    }
    await new Promise((r) => setTimeout(r, 2000));
    stop = true;
    await Promise.all(writers);
    const missing = await missingEntries(acknowledged);
    const slowest = Math.max(0, ...outage.map((o) => o.ms));
    const statuses = [...new Set(outage.map((o) => o.status))];
    const alive = app.exitCode === null && !app.killed;
    const result = {
      acknowledgedBeforeStop: beforeStop,
      acknowledgedTotal: acknowledged.length,
      outageRequests: outage.length,
      outageStatuses: statuses,
      slowestOutageAnswerMs: slowest,
      healthDuringOutage: health.status,
      processAliveThroughout: alive,
      serviceBackAfterDbMs: recoveredMs,
      missingAcknowledged: missing.length,
      outageSeconds: Math.round((dbBackAt - stoppedAt) / 1000),
    };
    console.log(JSON.stringify(result, null, 2));
    const ok = statuses.every((s) => s === 503) && slowest <= 5000 && health.status === 503 && alive && recoveredMs >= 0 && recoveredMs <= 10_000 && missing.length === 0;
    console.log(ok ? "PASS pg-stop" : "FAIL pg-stop");
    process.exitCode = ok ? 0 : 1;
  } finally {
    restore();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
