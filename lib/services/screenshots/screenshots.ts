import { and, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, screenshots, timeSlots, type Screenshot } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, FieldError, invalidField, notFound } from "@/lib/errors";
import { assertUserAccess, type Caller } from "@/lib/auth/permissions";
import { appUrl } from "@/lib/links";
import { getStorage, storageFor, type ObjectStorage, type StorageProvider } from "@/lib/storage";
import { newScreenshotKeys } from "@/lib/storage/keys";
import { isInFuture, type DateInput } from "@/lib/time";
import { audit } from "@/lib/services/platform/audit";
import { loadOrgSettings } from "@/lib/services/organizations/settings";
import { prepareImage, sniffImageType } from "./image";
import { assertNotThrottled, recordAttempt } from "@/lib/services/platform/throttle";
import { instantRange, userScope } from "@/lib/services/timesheets/scope";
import { ensureSlot, SLOT_SECONDS } from "@/lib/services/activity/slot-store";
import { inTx } from "@/lib/services/platform/tx";
import type { ScreenshotView } from "@/lib/validation/screenshots";
import type { ListView } from "@/lib/validation/timesheet-responses";

// Screenshots of desktop agents: stored through the configured adapter, one per user and
// recordedAt, readable by their owner, the managers of the owner's teams and admins.

/** An agent's clock may run a little ahead of ours. */
const DAY_MS = 86_400_000;

/** The seed's item: `file` and `thumb` are this app's authorised URLs, never the storage's. */
export function screenshotView(s: Screenshot, origin?: string): ScreenshotView {
  const base = `/api/timesheet/screenshot/${s.id}`;
  return {
    id: s.id,
    file: appUrl(`${base}/file`, origin),
    thumb: appUrl(`${base}/thumb`, origin),
    recordedAt: s.recordedAt.toISOString(),
    timeSlotId: s.timeSlotId,
    employeeId: s.userId,
  };
}

export interface UploadInput {
  bytes: Buffer;
  recordedAt: Date;
  timeSlotId?: string;
}

async function findByRecordedAt(db: Db, c: Caller, recordedAt: Date): Promise<Screenshot | undefined> {
  const [row] = await db
    .select()
    .from(screenshots)
    .where(and(eq(screenshots.organizationId, c.orgId), eq(screenshots.userId, c.userId), eq(screenshots.recordedAt, recordedAt)));
  return row;
}

async function removeObjects(storage: ObjectStorage, keys: string[]): Promise<void> {
  await storage.delete(keys).catch(() => {
    // Nothing refers to these keys; a leftover object is unreachable through the app.
  });
}

/**
 * Stores the caller's screenshot. A retry with the same recordedAt answers the stored one
 * (`created: false`), also when both arrive at once (the unique index decides). New uploads
 * are limited per user (UPLOAD_LIMIT: 429 with Retry-After, nothing stored). The files are
 * written first and the row inserted after; if the row cannot be written the files are removed,
 * so neither a row without files nor files without a row remain.
 */
/** Stores an upload and answers its view (`created: false` for a retry of a stored one). */
export async function uploadScreenshot(db: Db, c: Caller, input: UploadInput): Promise<{ screenshot: ScreenshotView; created: boolean }> {
  const { screenshot, created } = await storeScreenshot(db, c, input);
  return { screenshot: screenshotView(screenshot, c.origin), created };
}

async function storeScreenshot(db: Db, c: Caller, input: UploadInput): Promise<{ screenshot: Screenshot; created: boolean }> {
  const type = sniffImageType(input.bytes);
  if (!type) throw new FieldError("unsupported_media_type", "file", "must be a PNG, JPEG or WebP image");

  const org = await loadOrgSettings(db, c.orgId);
  if (!org.screenshotsEnabled) throw new AppError("screenshots_disabled", "Screenshots are turned off for this organisation");
  const at = now();
  if (isInFuture(input.recordedAt, at)) throw invalidField("recordedAt", "must not be in the future");
  if (input.recordedAt.getTime() < at.getTime() - org.screenshotRetentionDays * DAY_MS) {
    throw invalidField("recordedAt", `is older than the organisation's screenshot retention of ${org.screenshotRetentionDays} days`);
  }

  const existing = await findByRecordedAt(db, c, input.recordedAt);
  if (existing) return { screenshot: existing, created: false };

  // Retries (above, and a replayed Idempotency-Key in the route wrapper) are answered before
  // the limit and do not count; every other attempt does, also one refused below, since the
  // decoding is what the limit protects.
  const uploadKey = [{ kind: "upload" as const, id: c.userId }];
  await assertNotThrottled(db, uploadKey);
  await recordAttempt(db, uploadKey);

  if (input.timeSlotId) {
    const [slot] = await db
      .select()
      .from(timeSlots)
      .where(and(eq(timeSlots.organizationId, c.orgId), eq(timeSlots.userId, c.userId), eq(timeSlots.id, input.timeSlotId)));
    if (!slot) throw notFound("Time slot");
    const offset = input.recordedAt.getTime() - slot.startedAt.getTime();
    if (offset < 0 || offset >= SLOT_SECONDS * 1000) throw invalidField("timeSlotId", "the slot does not contain recordedAt");
  }

  const image = await prepareImage(input.bytes, type, { blur: org.screenshotBlur });
  const storage = getStorage();
  const { fileKey, thumbKey } = newScreenshotKeys(c.orgId, type.ext);
  try {
    await storage.put(fileKey, image.file, type.mime);
    await storage.put(thumbKey, image.thumb, "image/webp");
  } catch (err) {
    await removeObjects(storage, [fileKey, thumbKey]);
    throw err;
  }

  let inserted: Screenshot | undefined;
  try {
    inserted = await inTx(db, async (tx) => {
      const slotId = input.timeSlotId ?? (await ensureSlot(tx, c.orgId, c.userId, input.recordedAt)).id;
      const [row] = await tx
        .insert(screenshots)
        .values({
          organizationId: c.orgId,
          userId: c.userId,
          timeSlotId: slotId,
          recordedAt: input.recordedAt,
          provider: storage.provider,
          fileKey,
          thumbKey,
          mimeType: type.mime,
          size: image.file.length,
          isBlurred: org.screenshotBlur,
        })
        .onConflictDoNothing({ target: [screenshots.organizationId, screenshots.userId, screenshots.recordedAt] })
        .returning();
      return row;
    });
  } catch (err) {
    await removeObjects(storage, [fileKey, thumbKey]);
    throw err;
  }
  if (inserted) return { screenshot: inserted, created: true };

  // A concurrent upload of the same screenshot won: answer its row, drop our copy.
  await removeObjects(storage, [fileKey, thumbKey]);
  const winner = await findByRecordedAt(db, c, input.recordedAt);
  if (!winner) throw new AppError("conflict", "The screenshot is being stored by another request; retry");
  return { screenshot: winner, created: false };
}

export interface ListInput {
  startDate: DateInput;
  endDate: DateInput;
  employeeId?: string[];
  timeZone?: string;
  page: number;
  limit: number;
}

/**
 * Screenshots in a range, newest first, of the users the request covers: as every
 * /api/timesheet list (lib/services/timesheets/scope.ts), the requested employeeIds (404 for a
 * foreign user, 403 for one the caller may not read), else everyone the caller may read (own;
 * managers also their teams'; admins everyone's). The range is half-open, [startDate, endDate).
 */
export async function listScreenshots(db: Db, c: Caller, q: ListInput): Promise<ListView<ScreenshotView>> {
  const range = instantRange(q, c);
  const from = range.from!;
  const to = range.to!;
  const scope = await userScope(db, c, q.employeeId);

  const where = and(
    eq(screenshots.organizationId, c.orgId),
    scope ? inArray(screenshots.userId, scope) : undefined,
    gte(screenshots.recordedAt, from),
    lt(screenshots.recordedAt, to),
  );
  const [items, [totals]] = await Promise.all([
    db
      .select()
      .from(screenshots)
      .where(where)
      .orderBy(desc(screenshots.recordedAt), desc(screenshots.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
    db.select({ n: count() }).from(screenshots).where(where),
  ]);
  return { items: items.map((s) => screenshotView(s, c.origin)), total: totals?.n ?? 0 };
}

/** The screenshot if the caller may see it; anyone else learns nothing (404, like a missing one). */
async function visibleScreenshot(db: Db, c: Caller, id: string): Promise<Screenshot> {
  const [row] = await db.select().from(screenshots).where(and(eq(screenshots.organizationId, c.orgId), eq(screenshots.id, id)));
  if (!row) throw notFound("Screenshot");
  try {
    await assertUserAccess(db, c, row.userId, "read");
  } catch (err) {
    if (err instanceof AppError && err.code === "forbidden") throw notFound("Screenshot");
    throw err;
  }
  return row;
}

export async function readScreenshotImage(
  db: Db,
  c: Caller,
  id: string,
  variant: "file" | "thumb",
): Promise<{ data: Buffer; contentType: string; screenshot: Screenshot }> {
  const row = await visibleScreenshot(db, c, id);
  const data = await storageFor(row.provider as StorageProvider).get(variant === "file" ? row.fileKey : row.thumbKey);
  if (!data) throw notFound("Screenshot file");
  return { data, contentType: variant === "file" ? row.mimeType : "image/webp", screenshot: row };
}

/**
 * The owner and admins delete a screenshot (a manager who may see it gets 403). The files are
 * removed inside the transaction: if that fails the row stays, and the delete can be retried.
 */
export async function deleteScreenshot(db: Db, c: Caller, id: string): Promise<void> {
  const row = await visibleScreenshot(db, c, id);
  await assertUserAccess(db, c, row.userId, "write");
  await inTx(db, async (tx) => {
    const [gone] = await tx.delete(screenshots).where(and(eq(screenshots.organizationId, c.orgId), eq(screenshots.id, id))).returning();
    if (!gone) throw notFound("Screenshot");
    await audit(tx, c, "screenshot.deleted", { type: "screenshot", id }, { employeeId: gone.userId, recordedAt: gone.recordedAt.toISOString() });
    await storageFor(gone.provider as StorageProvider).delete([gone.fileKey, gone.thumbKey]);
  });
}

const PRUNE_BATCH = 200;

/**
 * Removes every screenshot (row and files) recorded before its organisation's retention
 * window ends at `at`. Batches are deleted in a transaction with their files, so a storage
 * failure keeps the rows for the next run.
 */
export async function pruneScreenshots(db: Db, at: Date = now()): Promise<{ deleted: number; organizations: number; failed: { orgId: string; error: string }[] }> {
  // Whole 24-hour days, independent of the session's time zone.
  const cutoff = sql`${at.toISOString()}::timestamptz - ${organizations.screenshotRetentionDays} * interval '24 hours'`;
  const orgs = await db
    .select({ id: organizations.id, days: organizations.screenshotRetentionDays })
    .from(organizations)
    .where(sql`exists (select 1 from ${screenshots} s where s.organization_id = ${organizations.id} and s.recorded_at < ${cutoff})`);
  let deleted = 0;
  const failed: { orgId: string; error: string }[] = [];
  for (const org of orgs) {
    const before = new Date(at.getTime() - org.days * DAY_MS);
    let inOrg = 0;
    try {
      inOrg = await pruneOrganization(db, org.id, before);
    } catch (err) {
      // One organisation's storage failing does not stop the others; its rows stay for the next run.
      failed.push({ orgId: org.id, error: err instanceof Error ? err.message : String(err) });
    }
    if (inOrg > 0) {
      await audit(db, { orgId: org.id, userId: null }, "screenshot.pruned", { type: "screenshot" }, { count: inOrg, retentionDays: org.days });
    }
    deleted += inOrg;
  }
  return { deleted, organizations: orgs.length, failed };
}

async function pruneOrganization(db: Db, orgId: string, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await db
      .select({ id: screenshots.id })
      .from(screenshots)
      .where(and(eq(screenshots.organizationId, orgId), lt(screenshots.recordedAt, before)))
      .limit(PRUNE_BATCH);
    if (batch.length === 0) return total;
    total += await inTx(db, async (tx) => {
      const gone = await tx
        .delete(screenshots)
        .where(and(eq(screenshots.organizationId, orgId), inArray(screenshots.id, batch.map((b) => b.id))))
        .returning();
      for (const provider of new Set(gone.map((g) => g.provider as StorageProvider))) {
        const keys = gone.filter((g) => g.provider === provider).flatMap((g) => [g.fileKey, g.thumbKey]);
        await storageFor(provider).delete(keys);
      }
      return gone.length;
    });
    if (batch.length < PRUNE_BATCH) return total;
  }
}
