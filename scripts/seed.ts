import path from "node:path";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import { env } from "@/base/env";
import { now } from "@/base/clock";
import { addDaysToDate, dayStart, weekStartOf, localDate } from "@/lib/time/zones";
import { openDatabase, type Db } from "@/db/client";
import {
  activities, organizations, projects, tasks, teamMembers, teams, timeEntries, timeSlots, timesheets, userEmails, users,
} from "@/db/schema";

// npm run db:seed — a realistic, deterministic demo organisation. Running it again changes nothing.

export const DEMO_PASSWORD = "timebase-demo-2026";
const NAMESPACE = "timebase-demo";

/** Stable uuid from a name, so every run writes the same keys. */
function sid(name: string): string {
  const h = createHash("sha1").update(`${NAMESPACE}:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE: Array<{ first: string; last: string; role: "admin" | "member"; tz: string; team?: string; manager?: boolean }> = [
  { first: "Ada", last: "Admin", role: "admin", tz: "Europe/Berlin" },
  { first: "Maya", last: "Okafor", role: "member", tz: "Europe/Berlin", team: "Platform", manager: true },
  { first: "Ravi", last: "Iyer", role: "member", tz: "Asia/Kolkata", team: "Mobile", manager: true },
  { first: "Lena", last: "Fischer", role: "member", tz: "Europe/Berlin", team: "Platform" },
  { first: "Tom", last: "Becker", role: "member", tz: "Europe/Berlin", team: "Platform" },
  { first: "Priya", last: "Nair", role: "member", tz: "Asia/Kolkata", team: "Mobile" },
  { first: "Arjun", last: "Rao", role: "member", tz: "Asia/Kolkata", team: "Mobile" },
  { first: "Sofia", last: "Garcia", role: "member", tz: "America/New_York", team: "Design" },
  { first: "James", last: "Miller", role: "member", tz: "America/New_York", team: "Design" },
  { first: "Chloe", last: "Martin", role: "member", tz: "America/New_York", team: "Design" },
  { first: "Noah", last: "Schmidt", role: "member", tz: "Europe/Berlin", team: "Platform" },
  { first: "Ishaan", last: "Kapoor", role: "member", tz: "Asia/Kolkata", team: "Mobile" },
  { first: "Emma", last: "Wilson", role: "member", tz: "America/New_York", team: "Design" },
];

const PROJECTS = [
  { name: "Website relaunch", externalId: "WEB-1", tasks: ["Landing page", "Pricing page", "Blog migration"] },
  { name: "Mobile app", externalId: "MOB-1", tasks: ["Onboarding flow", "Push notifications", "Offline mode"] },
  { name: "API platform", externalId: "API-1", tasks: ["Rate limiting", "Webhooks", "SDK docs"] },
  { name: "Internal tools", externalId: "INT-1", tasks: ["Billing export", "Admin dashboard"] },
  { name: "Customer support", externalId: "SUP-1", tasks: ["Ticket triage", "Knowledge base"] },
];

const APPS = [
  { type: "APP" as const, name: "visual studio code", title: "index.ts — timebase" },
  { type: "APP" as const, name: "terminal", title: "zsh" },
  { type: "APP" as const, name: "figma", title: "Design system" },
  { type: "APP" as const, name: "slack", title: "#general" },
  { type: "URL" as const, name: "github.com", title: "Pull requests", url: "https://github.com/acme/app/pulls" },
  { type: "URL" as const, name: "linear.app", title: "Issues", url: "https://linear.app/acme" },
  { type: "URL" as const, name: "stackoverflow.com", title: "Question", url: "https://stackoverflow.com/q/1" },
  { type: "URL" as const, name: "youtube.com", title: "Video", url: "https://www.youtube.com/watch?v=1" },
  { type: "URL" as const, name: "mail.google.com", title: "Inbox", url: "https://mail.google.com/" },
];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export async function seedDemo(db: Db, opts: { log?: (s: string) => void } = {}): Promise<{ created: boolean; emails: string[] }> {
  const log = opts.log ?? (() => {});
  const orgId = sid("org");
  const emails = PEOPLE.map((p) => `${p.first}.${p.last}@timebase.demo`.toLowerCase());
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
  if (existing) return { created: false, emails };

  const rand = prng(20260223);
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const at = now();

  await db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    await tx.insert(organizations).values({ id: orgId, name: "Acme Robotics", email: "hello@acme.example", description: "Demo organisation", defaultTimeZone: "Europe/Berlin" });
    const people = PEOPLE.map((p, i) => ({ ...p, id: sid(`user:${i}`), email: emails[i]! }));
    await tx.insert(users).values(people.map((p) => ({
      organizationId: orgId, id: p.id, email: p.email, firstName: p.first, lastName: p.last, role: p.role, timeZone: p.tz, passwordHash,
    })));
    await tx.insert(userEmails).values(people.map((p) => ({ email: p.email, organizationId: orgId, userId: p.id })));
    const teamNames = ["Platform", "Mobile", "Design"];
    await tx.insert(teams).values(teamNames.map((name) => ({ organizationId: orgId, id: sid(`team:${name}`), name })));
    // the Design team is led by the Platform manager, so one manager leads two teams
    const memberships = people.filter((p) => p.team).map((p) => ({ organizationId: orgId, teamId: sid(`team:${p.team}`), userId: p.id, isManager: Boolean(p.manager) }));
    memberships.push({ organizationId: orgId, teamId: sid("team:Design"), userId: people[1]!.id, isManager: true });
    await tx.insert(teamMembers).values(memberships);

    const projectRows = PROJECTS.map((p, i) => ({ organizationId: orgId, id: sid(`project:${i}`), userId: people[0]!.id, name: p.name, externalId: p.externalId, description: `${p.name} (demo)` }));
    await tx.insert(projects).values(projectRows);
    const taskRows = PROJECTS.flatMap((p, i) => p.tasks.map((t, j) => ({
      organizationId: orgId, id: sid(`task:${i}:${j}`), userId: people[0]!.id, projectId: sid(`project:${i}`), name: t, externalId: `${p.externalId.split("-")[0]}-${100 + j}`,
    })));
    await tx.insert(tasks).values(taskRows);

    const entries: (typeof timeEntries.$inferInsert)[] = [];
    const sheets: (typeof timesheets.$inferInsert)[] = [];
    const slots: (typeof timeSlots.$inferInsert)[] = [];
    const acts: (typeof activities.$inferInsert)[] = [];
    const statusForWeek = ["APPROVED", "APPROVED", "APPROVED", "DENIED", "IN_REVIEW", "PENDING"] as const;

    for (const [ui, p] of people.entries()) {
      const thisWeek = weekStartOf(at, p.tz);
      for (let w = 5; w >= 0; w--) {
        const weekStart = addDaysToDate(thisWeek, -7 * w);
        // weeks before the current one carry a status; the current week is a DRAFT
        const status = w === 0 ? "DRAFT" : statusForWeek[(5 - w + ui) % statusForWeek.length]!;
        const sheetId = sid(`sheet:${ui}:${weekStart}`);
        sheets.push({
          organizationId: orgId, id: sheetId, userId: p.id, weekStart, status,
          weekStartedAt: dayStart(weekStart, p.tz), weekEndedAt: dayStart(addDaysToDate(weekStart, 7), p.tz),
          submittedAt: status === "DRAFT" ? null : dayStart(addDaysToDate(weekStart, 5), p.tz),
          submittedBy: status === "DRAFT" ? null : p.id,
          reviewedAt: status === "APPROVED" || status === "DENIED" ? dayStart(addDaysToDate(weekStart, 7), p.tz) : null,
          reviewedBy: status === "APPROVED" || status === "DENIED" ? people[0]!.id : null,
          reason: status === "DENIED" ? "Please split the support hours by ticket" : null,
        });
        for (let d = 0; d < 5; d++) {
          const day = addDaysToDate(weekStart, d);
          // instants are whole seconds (the database refuses others)
          const whole = (ms: number) => Math.floor(ms / 1000) * 1000;
          let cursor = whole(dayStart(day, p.tz).getTime() + (8.5 + rand() * 1.5) * 3600_000);
          for (let block = 0; block < 4; block++) {
            const len = whole((60 + rand() * 90) * 60_000);
            const start = cursor;
            const end = start + len;
            if (end > at.getTime()) break;
            const pi = Math.floor(rand() * PROJECTS.length);
            const ti = Math.floor(rand() * PROJECTS[pi]!.tasks.length);
            const idle = rand() < 0.15;
            const manual = !idle && rand() < 0.1;
            entries.push({
              organizationId: orgId, id: sid(`entry:${ui}:${day}:${block}`), userId: p.id,
              projectId: idle ? null : sid(`project:${pi}`), taskId: idle ? null : sid(`task:${pi}:${ti}`), timesheetId: sheetId,
              startedAt: new Date(start), stoppedAt: new Date(end),
              logType: idle ? "IDLE" : manual ? "MANUAL" : "TRACKED", source: manual ? "WEB_TIMER" : "DESKTOP",
              description: idle ? null : PROJECTS[pi]!.tasks[ti]!, isBillable: pi < 3,
            });
            if (!idle && !manual) {
              for (let s = Math.ceil(start / 600_000) * 600_000; s + 600_000 <= end; s += 600_000) {
                const overall = Math.floor(300 + rand() * 300);
                slots.push({ organizationId: orgId, userId: p.id, startedAt: new Date(s), keyboard: Math.floor(overall * 0.6), mouse: Math.floor(overall * 0.8), overall });
              }
              for (let a = start, k = 0; a < end; k++) {
                const dur = Math.max(1000, whole(Math.min(end - a, (5 + rand() * 25) * 60_000)));
                const app = APPS[Math.floor(rand() * APPS.length)]!;
                acts.push({
                  organizationId: orgId, userId: p.id, projectId: sid(`project:${pi}`), type: app.type, name: app.name, title: app.title,
                  url: "url" in app ? app.url : null, startedAt: new Date(a), duration: Math.max(1, Math.round(dur / 1000)),
                  clientId: `demo:${ui}:${day}:${block}:${k}`,
                });
                a += dur;
              }
            }
            cursor = whole(end + (block === 1 ? 45 : 5 + rand() * 20) * 60_000);
          }
        }
      }
      log(`  ${p.first} ${p.last} (${p.tz}, since ${localDate(dayStart(addDaysToDate(thisWeek, -35), p.tz), p.tz)})`);
    }
    await insertChunked(sheets, (c) => tx.insert(timesheets).values(c));
    await insertChunked(entries, (c) => tx.insert(timeEntries).values(c));
    await insertChunked(slots, (c) => tx.insert(timeSlots).values(c));
    await insertChunked(acts, (c) => tx.insert(activities).values(c));
    log(`  ${entries.length} entries, ${slots.length} slots, ${acts.length} activities, ${sheets.length} timesheets`);
  });
  return { created: true, emails };
}

async function main() {
  const e = env();
  const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: path.resolve(e.PGLITE_DIR), migrate: true });
  try {
    console.log(`Seeding the demo organisation (${handle.kind})…`);
    const { created, emails } = await seedDemo(handle.db, { log: console.log });
    console.log(created ? "Demo data created." : "Demo data already present; nothing changed.");
    console.log(`\nSign in at ${e.APP_URL ?? "http://localhost:3000"}/sign-in with any of these (password: ${DEMO_PASSWORD}):`);
    console.log(`  admin:    ${emails[0]}`);
    console.log(`  managers: ${emails[1]}, ${emails[2]}`);
    console.log(`  members:  ${emails.slice(3).join(", ")}`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("scripts", "seed.ts"))) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
