import { expect, test } from "@playwright/test";

// The interactive API reference: rendered by the Scalar bundle this app serves, from
// /api/openapi.json, without a single request to another host (it must work offline).
test("/docs renders the interactive reference offline and shows an operation's request schema", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== origin) foreign.push(r.url());
  });
  const documentLoaded = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/openapi.json" && r.ok(), { timeout: 90_000 });

  await page.goto("/docs");
  await documentLoaded;
  const reference = page.getByTestId("api-reference");
  // the document's title and its authentication section, rendered once the document has loaded
  await expect(reference.getByRole("heading", { name: "Timebase API", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(reference.getByRole("heading", { name: "Authentication", exact: true })).toBeVisible();

  // open the operation from the sidebar and read its request body's fields
  await reference.getByRole("button", { name: "Open Group - Dashboards (/v1/dashboard)" }).click();
  await reference.getByRole("link", { name: /^Fetch productivity analysis/ }).click();
  const operation = reference.locator('section[id$="/POST/v1/dashboard/productivity-analysis"]');
  await expect(operation.getByRole("heading", { name: "Fetch productivity analysis" })).toBeVisible();
  await expect(operation.getByText("Body", { exact: true })).toBeVisible();
  for (const field of ["startDate", "endDate", "timeZone", "userId", "teamId"]) {
    await expect(operation.getByText(field, { exact: true }).first()).toBeVisible();
  }
  // the seed's example and a way to send the request
  await expect(operation.getByText("Example from seed 000").first()).toBeVisible();
  await expect(operation.getByRole("button", { name: /Test Request/ })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/docs.png" });

  // the old one-line summaries stay reachable
  await page.goto("/docs/summary");
  await expect(page.getByText("/v1/dashboard/productivity-analysis").first()).toBeVisible();

  expect(foreign, "requests to other hosts").toEqual([]);
});
