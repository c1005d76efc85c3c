import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { knownZonesLoaded, setKnownZones } from "./known-zones";

// Loads the database's own list of zone names once per process (lib/time/known-zones.ts).
// The route wrapper and the pages' caller resolution await it before parsing anything.

let loading: Promise<void> | undefined;

export function loadKnownZones(db: Db): Promise<void> {
  if (knownZonesLoaded()) return Promise.resolve();
  if (!loading) {
    loading = db
      .execute(sql`select name from pg_timezone_names`)
      .then((res) => setKnownZones(rowsOf<{ name: string }>(res).map((r) => r.name)))
      .finally(() => {
        // a failed load (database down) is retried by the next request
        loading = undefined;
      });
  }
  return loading;
}
