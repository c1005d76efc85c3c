import path from "node:path";
import { env } from "@/base/env";
import { openDatabase } from "@/db/client";

// npm run db:migrate — applies drizzle/ to DATABASE_URL, or to the embedded PGlite folder.
async function main() {
  const e = env();
  const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: path.resolve(e.PGLITE_DIR), migrate: true });
  console.log(`migrations applied (${handle.kind})`);
  await handle.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
