// Next.js calls register() once per server start. On the Node.js runtime it schedules the
// daily screenshot prune (first run a minute after start); a failure is logged, never fatal.
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const g = globalThis as unknown as { __timebasePruneScheduled?: boolean };
  if (g.__timebasePruneScheduled) return;
  g.__timebasePruneScheduled = true;

  const run = async () => {
    try {
      const [{ getDb }, { pruneScreenshots }, { log }] = await Promise.all([
        import("@/db/client"),
        import("@/lib/services/screenshots"),
        import("@/lib/http/log"),
      ]);
      const result = await pruneScreenshots(await getDb());
      log(result.failed.length > 0 ? "error" : "info", { msg: "screenshots pruned", ...result });
    } catch (err) {
      console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg: "screenshot prune failed", error: err instanceof Error ? err.message : String(err) }));
    }
  };
  setTimeout(() => {
    void run();
    setInterval(() => void run(), DAY).unref();
  }, MINUTE).unref();
}
