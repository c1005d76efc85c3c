import { expect, signIn, test } from "./fixtures";

// An employee's week in the browser: the timer across a reload and a second tab, the
// keyboard shortcut, a manual entry, the week grid's totals and submitting the week.

// Script errors and hydration mismatches (server and browser rendering times differently) fail the spec.
const problems: string[] = [];
test.beforeEach(({ page }) => {
  problems.length = 0;
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /hydrat|did not match/i.test(m.text())) problems.push(m.text());
  });
});
test.afterEach(() => {
  expect(problems).toEqual([]);
});

/** A fixed-offset zone where it is now between 10:00 and 20:00, so "08:00–09:30 today" lies in the past of today. */
function daytimeZone(at = new Date()): { timeZone: string; today: string } {
  for (let offset = -12; offset <= 14; offset += 1) {
    const local = new Date(at.getTime() + offset * 3600_000);
    const hour = local.getUTCHours();
    if (hour >= 10 && hour < 20) {
      // Etc/GMT zones have inverted signs: Etc/GMT-3 is UTC+3
      const timeZone = offset === 0 ? "Etc/UTC" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
      return { timeZone, today: local.toISOString().slice(0, 10) };
    }
  }
  throw new Error("no daytime zone");
}

test("an employee tracks time across a reload, adds time by hand and submits the week", async ({ page, org }) => {
  test.setTimeout(180_000);
  const employee = await org.addUser({ firstName: "Erin", lastName: "Employee" });
  const { timeZone } = daytimeZone();
  const tz = await org.api(employee.token, "PUT", `/v1/users/${employee.id}`, { timeZone });
  expect(tz.status, JSON.stringify(tz.body)).toBe(200);
  const project = await org.api(employee.token, "POST", "/v1/projects", { name: "Website relaunch" });
  expect(project.status, JSON.stringify(project.body)).toBe(201);

  await signIn(page, employee);
  await page.goto("/today");
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(page.getByText("No time logged today")).toBeVisible();

  // start the timer on the project
  await page.getByLabel("What are you working on?").fill("Homepage layout");
  await page.getByLabel("Project").selectOption({ label: "Website relaunch" });
  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(page.getByRole("button", { name: "Stop timer" })).toBeVisible();
  await expect(page.getByTestId("timer-clock")).not.toHaveText("0:00:00", { timeout: 5_000 });

  // the server is the truth: a reload and a second tab show the same running timer
  await page.reload();
  await expect(page.getByRole("button", { name: "Stop timer" })).toBeVisible();
  await expect(page.getByLabel("What are you working on?")).toHaveValue("Homepage layout");
  await expect(page.getByLabel("Project")).toHaveValue(project.body.id);
  const second = await page.context().newPage();
  await second.goto("/today");
  await expect(second.getByRole("button", { name: "Stop timer" })).toBeVisible();
  await page.bringToFront();
  await page.screenshot({ path: "e2e/artifacts/today-running.png", fullPage: true });

  // stop with the keyboard shortcut; the other tab follows
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("s");
  await expect(page.getByRole("button", { name: "Start timer" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Timer stopped" })).toBeAttached();
  await expect(second.getByRole("button", { name: "Start timer" })).toBeVisible();
  await second.close();

  // add 08:00–09:30 by hand
  await page.getByRole("button", { name: "Add time manually" }).click();
  const dialog = page.getByRole("dialog", { name: "Add time manually" });
  await dialog.getByLabel("Start").fill("08:00");
  await dialog.getByLabel("End").fill("09:30");
  await dialog.getByLabel("Project").selectOption({ label: "Website relaunch" });
  await dialog.getByLabel("Description").fill("Sprint planning");
  await dialog.getByRole("button", { name: "Add entry" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Sprint planning")).toBeVisible();
  await expect(page.getByText("Homepage layout")).toBeVisible();
  await expect(page.getByTestId("day-total")).toContainText("1h 30m");

  // an overlapping entry is refused in words
  await page.getByRole("button", { name: "Add time manually" }).click();
  await dialog.getByLabel("Start").fill("09:00");
  await dialog.getByLabel("End").fill("10:00");
  await dialog.getByRole("button", { name: "Add entry" }).click();
  await expect(dialog.getByRole("alert")).toContainText(/overlaps/i);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.screenshot({ path: "e2e/artifacts/today.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/artifacts/today-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // the week: grid totals, then submit
  await page.getByRole("link", { name: "Week" }).first().click();
  await expect(page.getByRole("heading", { name: "Week", level: 1 })).toBeVisible();
  const grid = page.getByRole("table", { name: "Hours per project and day" });
  await expect(grid.getByRole("row", { name: /Website relaunch/ })).toContainText("1:30");
  await expect(page.getByTestId("grid-total")).toHaveText("1:30");
  await expect(page.getByTestId("week-total")).toHaveText("1h 30m");
  await expect(page.getByText("draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("pending", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit entry/ }).first()).toBeDisabled();
  await expect(page.getByRole("button", { name: "Submit for approval" })).toBeDisabled();
  await page.screenshot({ path: "e2e/artifacts/week.png", fullPage: true });

  // the API agrees
  const sheets = await org.api(employee.token, "GET", `/api/timesheet?employeeId=${employee.id}`);
  expect(sheets.body.items.map((s: { status: string }) => s.status)).toEqual(["PENDING"]);

  // the previous week is empty
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(page.getByText("No time logged this week")).toBeVisible();
});

test("an employee manages their profile and API keys", async ({ page, org }) => {
  test.setTimeout(120_000);
  const employee = await org.addUser({ firstName: "Pat", lastName: "Profile" });
  await signIn(page, employee);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();

  // name and time zone (an unknown zone is refused)
  await page.getByLabel("First name").fill("Patricia");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText(/IANA time zone/)).toBeVisible();
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
  const me = await org.api(employee.token, "GET", `/v1/users/${employee.id}`);
  expect(me.body).toMatchObject({ firstName: "Patricia", timeZone: "Europe/Berlin" });

  // an API key is shown once, then only by its last four characters
  await page.getByLabel("Key name").fill("Laptop agent");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("textbox", { name: "Your new API key" });
  await expect(shown).toBeVisible();
  const key = await shown.inputValue();
  expect(key.length).toBeGreaterThan(20);
  const login = await page.request.post("/v1/auth/api-key/login", { data: { apiKey: key } });
  expect(login.status()).toBe(200);
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /Laptop agent/ });
  await expect(row).toContainText(key.slice(-4));
  await expect(page.getByText(key)).toHaveCount(0);
  await page.screenshot({ path: "e2e/artifacts/profile.png", fullPage: true });

  // rotate: a new key, the old one stops working
  await row.getByRole("button", { name: /Rotate/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate key" }).click();
  await expect(shown).toBeVisible();
  const rotated = await shown.inputValue();
  expect(rotated).not.toBe(key);
  await page.getByRole("button", { name: "Done" }).click();
  expect((await page.request.post("/v1/auth/api-key/login", { data: { apiKey: key } })).status()).toBe(401);

  // delete after confirming
  await page.getByRole("row", { name: /Laptop agent/ }).getByRole("button", { name: /Delete/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete key" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();

  // password change: too short is refused in words, then a good one works for sign-in
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  // the refusal is tied to the field (the hint alone also mentions 12)
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/at least 12 characters/i);
  const next = "another-long-passphrase-42";
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();
  expect((await page.request.post("/v1/auth/login", { data: { email: employee.email, password: next } })).status()).toBe(200);
});
