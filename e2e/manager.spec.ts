import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures";
import { addDays, expectNoSidewaysScroll, logTime, pastMonday, sheetStatus, submitWeek } from "./manager-helpers";

// A manager's pages in the browser: the approval queue (approve, deny with a reason, the
// employee resubmits) and the team dashboard, whose numbers must equal the dashboard API's.

test("a manager approves one timesheet and denies another; the employee sees the reason and resubmits", async ({ page, browser, org }) => {
  test.setTimeout(180_000);
  const manager = await org.addUser({ firstName: "Maya", lastName: "Manager" });
  const ana = await org.addUser({ firstName: "Ana", lastName: "Approved" });
  const ben = await org.addUser({ firstName: "Ben", lastName: "Denied" });
  await org.addTeam("Platform", manager, [ana, ben]);
  const monday = pastMonday(2);
  const tuesday = addDays(monday, 1);
  await logTime(org, ana, `${tuesday}T09:00:00Z`, `${tuesday}T12:30:00Z`);
  await logTime(org, ana, `${tuesday}T12:30:00Z`, `${tuesday}T12:45:00Z`, { logType: "IDLE", source: "DESKTOP" });
  await logTime(org, ben, `${tuesday}T10:00:00Z`, `${tuesday}T11:00:00Z`);
  const anaSheet = await submitWeek(org, ana, monday);
  const benSheet = await submitWeek(org, ben, monday);

  await signIn(page, manager);
  await page.goto("/approvals");
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  const anaRow = page.locator(`tr[data-sheet-id="${anaSheet}"]`);
  const benRow = page.locator(`tr[data-sheet-id="${benSheet}"]`);
  await expect(anaRow).toContainText("Ana Approved");
  await expect(anaRow).toContainText("3h 45m");
  await expect(anaRow).toContainText("7%"); // 15 of 225 minutes idle
  await expect(benRow).toContainText("1h 00m");
  await page.screenshot({ path: "e2e/artifacts/approvals.png", fullPage: true });

  // approve Ana's with the checkbox and the bulk action
  await page.getByRole("checkbox", { name: /Select Ana Approved/ }).check();
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved Ana Approved" })).toBeVisible();
  await expect(anaRow).toHaveCount(0);

  // open Ben's sheet: the entries day by day, then deny with a reason (required)
  await page.getByRole("button", { name: /Open Ben Denied/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Ben Denied" })).toBeVisible();
  await expect(dialog).toContainText("10:00–11:00");
  await expect(dialog).toContainText("Client work");
  await page.screenshot({ path: "e2e/artifacts/approvals-sheet.png" });
  await dialog.getByRole("button", { name: "Deny…" }).click();
  await dialog.getByRole("button", { name: "Deny timesheet" }).click();
  await expect(dialog.getByText("Say why, so they know what to fix.")).toBeVisible();
  await dialog.getByLabel(/Reason for denying/).fill("Tuesday is missing the client workshop");
  await dialog.getByRole("button", { name: "Deny timesheet" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Nothing waiting for you")).toBeVisible();

  expect(await sheetStatus(org, ana, monday)).toEqual({ status: "APPROVED", reason: null });
  expect(await sheetStatus(org, ben, monday)).toEqual({ status: "DENIED", reason: "Tuesday is missing the client workshop" });

  // the history holds both decisions
  await page.getByRole("tab", { name: "Decisions" }).click();
  await expect(page.locator(`tr[data-sheet-id="${anaSheet}"]`)).toContainText("approved");
  await expect(page.locator(`tr[data-sheet-id="${benSheet}"]`)).toContainText("Tuesday is missing the client workshop");
  await page.screenshot({ path: "e2e/artifacts/approvals-history.png", fullPage: true });

  // the employee: the manager pages are forbidden, the week shows the reason and can be submitted again
  const context = await browser.newContext();
  const employee = await context.newPage();
  await signIn(employee, ben);
  for (const path of ["/approvals", "/team", "/admin"]) {
    const res = await employee.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(employee.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  await employee.goto(`/week?week=${monday}`);
  await expect(employee.getByText("Tuesday is missing the client workshop")).toBeVisible();
  await employee.getByRole("button", { name: "Submit again" }).click();
  await expect(employee.getByText("Submitted and waiting for approval")).toBeVisible();
  expect((await sheetStatus(org, ben, monday)).status).toBe("PENDING");
  await context.close();

  // back in the manager's queue
  await page.getByRole("tab", { name: /Waiting/ }).click();
  await page.reload();
  await expect(page.locator(`tr[data-sheet-id="${benSheet}"]`)).toBeVisible();
});

test("a refused bulk approval names the timesheets that failed", async ({ page, org }) => {
  const manager = await org.addUser({ firstName: "Mo", lastName: "Manager" });
  const a = await org.addUser({ firstName: "Cleo", lastName: "First" });
  const b = await org.addUser({ firstName: "Dan", lastName: "Second" });
  await org.addTeam("Support", manager, [a, b]);
  const monday = pastMonday(3);
  await logTime(org, a, `${addDays(monday, 2)}T08:00:00Z`, `${addDays(monday, 2)}T09:00:00Z`);
  await logTime(org, b, `${addDays(monday, 2)}T08:00:00Z`, `${addDays(monday, 2)}T09:00:00Z`);
  await submitWeek(org, a, monday);
  const bSheet = await submitWeek(org, b, monday);

  await signIn(page, manager);
  await page.goto("/approvals");
  await page.getByRole("checkbox", { name: "Select all" }).check();
  await expect(page.getByText("2 selected")).toBeVisible();
  // meanwhile an admin decides Dan's sheet: the bulk call is all-or-nothing and names it
  const denied = await org.api(org.admin.token, "PUT", "/api/timesheet/deny", { ids: [bSheet], reason: "Wrong project" });
  expect(denied.status, JSON.stringify(denied.body)).toBe(200);
  await page.getByRole("button", { name: "Approve selected" }).click();
  const failed = page.getByRole("list", { name: "Timesheets that failed" });
  await expect(failed).toContainText("Dan Second");
  await expect(failed.locator(`[data-failed-id="${bSheet}"]`)).toContainText("DENIED");
  await page.getByRole("button", { name: "Unselect these and try the rest" }).click();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved Cleo First" })).toBeVisible();
  expect((await sheetStatus(org, a, monday)).status).toBe("APPROVED");
});

test("the team dashboard shows the numbers of /v1/dashboard/weekly-summary for the same team, week and zone", async ({ page, org }) => {
  test.setTimeout(180_000);
  const manager = await org.addUser({ firstName: "Tess", lastName: "Lead" });
  const ana = await org.addUser({ firstName: "Ana", lastName: "Dev" });
  const ben = await org.addUser({ firstName: "Ben", lastName: "Ops" });
  const teamId = await org.addTeam("Core", manager, [ana, ben]);
  const monday = pastMonday(1);
  const tue = addDays(monday, 1);
  const wed = addDays(monday, 2);
  const thu = addDays(monday, 3);
  await logTime(org, ana, `${tue}T09:00:00Z`, `${tue}T12:00:00Z`, { logType: "TRACKED", source: "DESKTOP" });
  await logTime(org, ana, `${tue}T12:00:00Z`, `${tue}T12:20:00Z`, { logType: "IDLE", source: "DESKTOP" });
  // crosses midnight in UTC and in Kolkata at different hours
  await logTime(org, ben, `${wed}T20:00:00Z`, `${thu}T01:30:00Z`, { logType: "TRACKED", source: "DESKTOP" });
  const activities = await org.api(ana.token, "POST", "/api/timesheet/activity/bulk", {
    activities: [
      { clientId: "a1", type: "APP", name: "code", startedAt: `${tue}T09:00:00Z`, duration: 3600 },
      { clientId: "a2", type: "URL", name: "youtube.com", url: "https://youtube.com/watch", startedAt: `${tue}T10:00:00Z`, duration: 1200 },
    ],
  });
  expect(activities.status, JSON.stringify(activities.body)).toBeLessThan(300);

  async function expectSameAsApi(timeZone: string) {
    const body = { startDate: `${monday} 00:00:00`, endDate: `${addDays(monday, 6)} 23:59:59`, timeZone, userId: [], teamId: [teamId] };
    const summary = await org.api(manager.token, "POST", "/v1/dashboard/weekly-summary", body);
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    const { breakdownSummary, overallSummary } = summary.body.data;
    expect(overallSummary.totalTimeSpendSeconds).toBeGreaterThan(0);
    const cards = {
      total: overallSummary.totalTimeSpendSeconds,
      active: overallSummary.totalActiveTimeSpendSeconds,
      idle: overallSummary.totalIdleTimeSpendSeconds,
      productive: overallSummary.totalProductiveTimeSpendSeconds,
    };
    for (const [id, seconds] of Object.entries(cards)) {
      await expect(page.getByTestId(`overall-${id}`), id).toHaveAttribute("data-seconds", String(seconds));
    }
    expect(breakdownSummary).toHaveLength(7);
    for (const d of breakdownSummary) {
      const row = page.getByTestId(`day-${d.date.slice(0, 10)}`);
      const m = d.metrics;
      const want = { total: m.totalTimeSpendSeconds, productive: m.productiveTimeSpendSeconds, neutral: m.neutralTimeSpendSeconds, unproductive: m.unproductiveTimeSpendSeconds, idle: m.idleTimeSpendSeconds };
      for (const [col, seconds] of Object.entries(want)) {
        await expect(row.locator(`[data-col="${col}"]`), `${d.date} ${col}`).toHaveAttribute("data-seconds", String(seconds));
      }
    }
    const analysis = await org.api(manager.token, "POST", "/v1/dashboard/productivity-analysis", body);
    expect(analysis.status).toBe(200);
    for (const r of analysis.body.data) {
      await expect(page.getByTestId(`productivity-${r.user.userId}`).locator("[data-seconds]")).toHaveAttribute("data-seconds", String(r.timeSummary.activeWorkedTimeInSeconds));
    }
    return summary.body.data;
  }

  await signIn(page, manager);
  await page.goto(`/team?team=${teamId}&week=${monday}&tz=Asia/Kolkata`);
  await expect(page.getByRole("heading", { name: "Team dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText("times in Asia/Kolkata").first()).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const kolkata = await expectSameAsApi("Asia/Kolkata");
  await expect(page.getByRole("table", { name: "Proof of work" })).toContainText("Ben Ops");
  await page.screenshot({ path: "e2e/artifacts/team.png", fullPage: true });

  // the CSV is what is shown
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).first().click()]);
  expect(download.suggestedFilename()).toBe(`core-breakdown-${monday}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.trim().split("\r\n").at(-1)).toBe(
    `total,,${kolkata.overallSummary.totalTimeSpendSeconds},${kolkata.overallSummary.totalActiveTimeSpendSeconds},${kolkata.overallSummary.totalIdleTimeSpendSeconds},${kolkata.overallSummary.totalProductiveTimeSpendSeconds},${kolkata.overallSummary.totalNeutralTimeSpendSeconds},${kolkata.overallSummary.totalUnproductiveTimeSpendSeconds}`,
  );

  // another zone through the picker: the days move, the numbers still match the API
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.waitForURL(/tz=UTC/);
  await expect(page.getByText("times in UTC").first()).toBeVisible();
  await expectSameAsApi("UTC");

  // a week without time
  await page.getByRole("button", { name: "Next week" }).click();
  await expect(page.getByText("No time tracked this week")).toBeVisible();

  // on a phone
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/team?team=${teamId}&week=${monday}&tz=UTC`);
  await expect(page.getByTestId("overall-total")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: "e2e/artifacts/team-phone.png", fullPage: true });
});
