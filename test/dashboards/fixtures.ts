import { and, eq } from "drizzle-orm";
import { activities, productivityRules, timeEntries, users } from "@/db/schema";
import { db } from "../helpers";

// Rows the dashboards read, inserted directly (the ingestion endpoints are another's work).

type LogType = "TRACKED" | "MANUAL" | "IDLE" | "RESUMED";

export interface EntrySpec {
  start: string;
  stop: string | null;
  type?: LogType;
}

export async function addEntries(orgId: string, userId: string, list: EntrySpec[]): Promise<void> {
  if (list.length === 0) return;
  await (await db()).insert(timeEntries).values(
    list.map((e) => ({
      organizationId: orgId,
      userId,
      startedAt: new Date(e.start),
      stoppedAt: e.stop ? new Date(e.stop) : null,
      logType: e.type ?? "TRACKED",
    })),
  );
}

export interface ActivitySpec {
  /** "APP" names keep their case; URL names are hosts. */
  type: "APP" | "URL";
  name: string;
  start: string;
  seconds: number;
}

export async function addActivities(orgId: string, userId: string, list: ActivitySpec[]): Promise<void> {
  if (list.length === 0) return;
  await (await db()).insert(activities).values(
    list.map((a) => ({ organizationId: orgId, userId, type: a.type, name: a.name, startedAt: new Date(a.start), duration: a.seconds })),
  );
}

export interface RuleSpec {
  matchType: "APP" | "DOMAIN";
  pattern: string;
  classification: "PRODUCTIVE" | "NEUTRAL" | "UNPRODUCTIVE";
  teamId?: string | null;
}

export async function addRules(orgId: string, list: RuleSpec[]): Promise<void> {
  await (await db()).insert(productivityRules).values(list.map((r) => ({ organizationId: orgId, teamId: r.teamId ?? null, ...r })));
}

export async function nameUser(orgId: string, userId: string, firstName: string, lastName: string, profilePicUrl: string | null = null) {
  await (await db())
    .update(users)
    .set({ firstName, lastName, profilePicUrl })
    .where(and(eq(users.organizationId, orgId), eq(users.id, userId)));
}

export async function clearTracking(orgId: string, userId: string): Promise<void> {
  const d = await db();
  await d.delete(timeEntries).where(and(eq(timeEntries.organizationId, orgId), eq(timeEntries.userId, userId)));
  await d.delete(activities).where(and(eq(activities.organizationId, orgId), eq(activities.userId, userId)));
}
