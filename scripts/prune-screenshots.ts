import { getDbHandle } from "@/db/client";
import { pruneScreenshots } from "@/lib/services/screenshots";

// npm run screenshots:prune — removes screenshots (rows and files) older than each
// organisation's retention. The server also runs it daily (instrumentation.ts). With the
// embedded database, run it while the server is stopped: PGlite opens its folder in one process.
async function main() {
  const handle = await getDbHandle();
  try {
    const result = await pruneScreenshots(handle.db);
    console.log(`screenshots pruned: ${result.deleted} in ${result.organizations} organisation(s)`);
    for (const f of result.failed) console.error(`organisation ${f.orgId}: ${f.error}`);
    if (result.failed.length > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
