import { expect, test } from "@playwright/test";

test("the home page loads and the API is healthy", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Timebase" })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "pglite" });
});
