import { randomUUID } from "node:crypto";
import { expect, PASSWORD, signIn, test } from "./fixtures";
import { expectNoSidewaysScroll } from "./manager-helpers";

// The admin pages: an invitation whose link signs a new person up, roles and deactivation,
// teams and managers, projects and tasks with external ids, rules, settings and sessions.

test("an admin invites someone who signs up through the link, then manages people, teams, projects, rules, settings and sessions", async ({ page, browser, org }) => {
  test.setTimeout(240_000);
  const member = await org.addUser({ firstName: "Mel", lastName: "Member" });
  await signIn(page, org.admin);

  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/admin.png", fullPage: true });

  // invite: the link is shown to copy
  const email = `newbie-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Users" }).click();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Invite" }).click();
  const linkField = page.getByLabel("Invitation link (valid for one day)");
  await expect(linkField).toHaveValue(/\/invite\/.+token=/);
  const link = await linkField.inputValue();
  await expect(page.getByRole("table", { name: "Invitations" })).toContainText(email);
  await page.screenshot({ path: "e2e/artifacts/admin-users.png", fullPage: true });

  // the invited person signs up through it
  const guest = await browser.newContext();
  const newbie = await guest.newPage();
  await newbie.goto(new URL(link).pathname + new URL(link).search);
  await newbie.getByLabel("First name").fill("Nora");
  await newbie.getByLabel("Last name").fill("Newbie");
  await newbie.getByLabel("Choose a password").fill(PASSWORD);
  await newbie.getByRole("button", { name: "Accept invitation" }).click();
  await newbie.waitForURL(/\/today/);

  await page.reload();
  const row = page.getByTestId(`user-${email}`);
  await expect(row).toContainText("Nora Newbie");
  await expect(page.getByRole("table", { name: "Invitations" })).toHaveCount(0);

  // role and deactivation
  await page.getByLabel("Role of Mel Member").selectOption("admin");
  await expect.poll(async () => (await org.api(org.admin.token, "GET", `/v1/users/${member.id}`)).body.role).toBe("admin");
  await page.getByLabel("Role of Mel Member").selectOption("member");
  await expect.poll(async () => (await org.api(org.admin.token, "GET", `/v1/users/${member.id}`)).body.role).toBe("member");
  await page.getByTestId(`user-${member.email}`).getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId(`user-${member.email}`)).toContainText("deactivated");
  expect((await org.api(member.token, "GET", `/v1/users/${member.id}`)).status).toBe(401);
  await page.getByTestId(`user-${member.email}`).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByTestId(`user-${member.email}`)).toContainText("active");

  // teams: create one and make the new person its manager
  await page.goto("/admin/teams");
  await page.getByLabel("New team").fill("Night shift");
  await page.getByRole("button", { name: "Create team" }).click();
  const team = page.locator("[data-testid^=team-]").filter({ has: page.locator('input[value="Night shift"]') });
  await team.getByLabel("Add a person").selectOption({ label: `Nora Newbie (${email})` });
  await team.getByLabel("as manager").check();
  await team.getByRole("button", { name: "Add" }).click();
  await expect(team.getByRole("table")).toContainText("Nora Newbie");
  await expect(team.getByRole("checkbox", { name: "Nora Newbie manages Night shift" })).toBeChecked();
  const teams = await org.api(org.admin.token, "GET", "/v1/teams");
  const night = teams.body.find((t: { name: string }) => t.name === "Night shift");
  expect(night.members).toEqual([expect.objectContaining({ email, manager: true })]);
  await page.screenshot({ path: "e2e/artifacts/admin-teams.png", fullPage: true });

  // projects and tasks with external ids
  await page.goto("/admin/projects");
  await page.getByLabel("Name").fill("Operations");
  await page.getByLabel("External id").fill("OPS-1");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("table", { name: "Projects" })).toContainText("OPS-1");
  const tasks = page.getByRole("heading", { name: "Tasks of Operations" }).locator("xpath=ancestor::*[@data-slot='card'][1]");
  await tasks.getByLabel("Name").fill("Deploy");
  await tasks.getByLabel("External id").fill("OPS-2");
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(tasks.getByRole("table")).toContainText("OPS-2");
  await tasks.getByRole("button", { name: "Close" }).click();
  await expect(tasks.getByRole("table")).toContainText("closed");
  // an external id is unique: the error says so in words
  await page.getByLabel("Name").first().fill("Operations again");
  await page.getByLabel("External id").first().fill("OPS-1");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("alert").first()).toContainText("OPS-1");
  await page.screenshot({ path: "e2e/artifacts/admin-projects.png", fullPage: true });

  // productivity rules
  await page.goto("/admin/rules");
  await page.getByLabel("Domain").fill("https://www.Example.org/path");
  await page.getByLabel("Counts as").selectOption("UNPRODUCTIVE");
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Find").fill("example.org");
  await expect(page.getByRole("table", { name: "Productivity rules" })).toContainText("www.example.org");
  await page.getByLabel("Classification of www.example.org").selectOption("NEUTRAL");
  await expect
    .poll(async () => (await org.api(org.admin.token, "GET", "/v1/productivity-rules?limit=200")).body.find((r: { pattern: string }) => r.pattern === "www.example.org")?.classification)
    .toBe("NEUTRAL");
  await page.screenshot({ path: "e2e/artifacts/admin-rules.png", fullPage: true });

  // settings
  await page.goto("/admin/settings");
  await page.getByLabel("Trim the older entry").check();
  await page.getByLabel("Blur screenshots").check();
  await page.getByLabel("Keep screenshots for (days)").fill("30");
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const settings = await org.api(org.admin.token, "GET", `/v1/orgs/${org.id}/settings`);
  expect(settings.body).toMatchObject({ overlapPolicy: "trim", screenshotBlur: true, screenshotRetentionDays: 30, screenshotsEnabled: true });
  await page.screenshot({ path: "e2e/artifacts/admin-settings.png", fullPage: true });

  // sessions: the newcomer's web sign-in is revoked
  await page.goto("/admin/sessions");
  await expect(page.getByRole("table", { name: "Active sessions" })).toContainText("this session");
  const newbieRow = page.getByRole("row").filter({ hasText: "Nora Newbie" }).filter({ hasText: "Web sign-in" });
  await newbieRow.getByRole("button", { name: /Revoke/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(newbieRow).toHaveCount(0);
  await newbie.goto("/today");
  await expect(newbie).toHaveURL(/\/sign-in/);
  await guest.close();
  await page.screenshot({ path: "e2e/artifacts/admin-sessions.png", fullPage: true });

  // on a phone, and a member is refused
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ["/admin", "/admin/users", "/admin/teams", "/admin/projects", "/admin/rules", "/admin/settings", "/admin/sessions"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, member);
  expect((await memberPage.goto("/admin/users"))?.status()).toBe(403);
  await memberContext.close();
});
