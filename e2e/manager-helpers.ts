import { expect, type Page } from "@playwright/test";
import type { Person, TestOrg } from "./fixtures";

// Data the manager and screenshot specs put in place over the API, as agents and employees would.

/** Monday (YYYY-MM-DD, UTC calendar) of the week `weeksAgo` weeks before the current one. */
export function pastMonday(weeksAgo: number, at = new Date()): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * weeksAgo);
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function logTime(
  org: TestOrg,
  person: Person,
  startedAt: string,
  stoppedAt: string,
  extra: { logType?: string; source?: string; description?: string } = {},
): Promise<string> {
  const res = await org.api(person.token, "POST", "/api/timesheet/time-log", {
    startedAt,
    stoppedAt,
    logType: extra.logType ?? "MANUAL",
    source: extra.source ?? "WEB_TIMER",
    description: extra.description ?? "Client work",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** The person's own sheet of the week starting `monday`. */
async function weekSheet(org: TestOrg, person: Person, monday: string): Promise<{ id: string; status: string; reason: string | null }> {
  const list = await org.api(person.token, "GET", `/api/timesheet?startDate=${monday}&endDate=${addDays(monday, 6)}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const sheet = list.body.items.find((s: { weekStart: string; employeeId: string }) => s.weekStart === monday && s.employeeId === person.id);
  expect(sheet, JSON.stringify(list.body)).toBeTruthy();
  return sheet;
}

/** The person's sheet of the week starting `monday`, submitted for approval; its id. */
export async function submitWeek(org: TestOrg, person: Person, monday: string): Promise<string> {
  const sheet = await weekSheet(org, person, monday);
  const submitted = await org.api(person.token, "PUT", "/api/timesheet/submit", { ids: [sheet.id], status: "PENDING" });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return sheet.id;
}

export async function sheetStatus(org: TestOrg, person: Person, monday: string): Promise<{ status: string; reason: string | null }> {
  const sheet = await weekSheet(org, person, monday);
  return { status: sheet.status, reason: sheet.reason };
}

/** The page fits a phone: nothing makes the document wider than the viewport (tables scroll inside their box). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, view, culprits } = await page.evaluate(() => {
    const view = window.innerWidth;
    // the outermost elements that reach past the right edge, to say what overflows
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > view + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > view + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scroll: document.documentElement.scrollWidth, view, culprits };
  });
  expect(scroll, `the page scrolls sideways: ${culprits.join("; ")}`).toBeLessThanOrEqual(view);
}
