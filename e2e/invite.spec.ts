import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

// An admin invites someone over the API; the invitee signs up through the link in the
// browser and lands in the app, signed in.

test("an invited person signs up through the link and lands in the app", async ({ page, org }) => {
  test.setTimeout(120_000);
  const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  const invited = await org.api(org.admin.token, "POST", "/v1/invitations", { email, role: "member" });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const link = new URL(invited.body.invitation.link);

  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByText(/Join E2E/)).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
  await page.getByLabel("First name").fill("Ivy");
  await page.getByLabel("Last name").fill("Invitee");
  await page.getByLabel("Choose a password").fill("a-long-enough-passphrase-7");
  await page.screenshot({ path: "e2e/artifacts/invite.png", fullPage: true });
  await page.getByRole("button", { name: "Accept invitation" }).click();

  await page.waitForURL("**/today");
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(page.getByText("Ivy Invitee").first()).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/invite-landed.png", fullPage: true });

  // the link is used up
  const again = await page.request.post(`/v1/auth/invitations/${invited.body.invitation.id}/signup`, {
    data: { token: link.searchParams.get("token"), email, firstName: "Ivy", lastName: "Again", password: "a-long-enough-passphrase-7" },
  });
  expect(again.status()).toBeGreaterThanOrEqual(400);

  // and the new member appears in the admin's list
  const users = await org.api(org.admin.token, "GET", "/v1/users");
  expect(users.body.map((u: { email: string }) => u.email)).toContain(email);
});
