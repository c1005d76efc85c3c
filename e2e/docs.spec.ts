import { expect, test } from "@playwright/test";

// The interactive API reference: rendered by the Scalar bundle this app serves, from
// /api/openapi.json, without a single request to another host (it must work offline).
test("/docs renders the interactive reference offline and shows an operation's request schema", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== origin) foreign.push(r.url());
  });

  await page.goto("/docs");
  const reference = page.getByTestId("api-reference");
  // the document's title, rendered by the reference once it has loaded the document
  await expect(reference.getByRole("heading", { name: "Timebase API", exact: true }).first()).toBeVisible({ timeout: 30_000 });

  // open the operation from the sidebar and read its request body's fields
  await reference.getByText("Fetch productivity analysis", { exact: true }).first().click();
  const operation = reference.locator("section, [id*='productivity-analysis']").filter({ hasText: "/v1/dashboard/productivity-analysis" }).filter({ hasText: "startDate" }).last();
  await expect(operation).toBeVisible();
  for (const field of ["startDate", "endDate", "timeZone", "userId", "teamId"]) {
    await expect(operation.getByText(field, { exact: true }).first()).toBeVisible();
  }
  await page.screenshot({ path: "e2e/artifacts/docs.png" });

  // the old one-line summaries stay reachable
  await page.goto("/docs/summary");
  await expect(page.getByText("/v1/dashboard/productivity-analysis").first()).toBeVisible();

  expect(foreign, "requests to other hosts").toEqual([]);
});
