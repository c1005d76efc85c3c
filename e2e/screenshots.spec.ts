import { expect, signIn, test } from "./fixtures";
import { addDays, expectNoSidewaysScroll } from "./manager-helpers";

// The screenshot gallery: an agent's upload is shown to the owner's manager (grouped by
// hour, with the slot's activity and a full-size viewer), never to another member.

// a 64×40 blue PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoCAIAAADBrGu+AAAAPUlEQVR42u3PQQkAAAgEsItjJhMbyww+hcEKLNXzWgQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQELhYR9eS1h/12IgAAAABJRU5ErkJggg==",
  "base64",
);

test("the gallery shows an uploaded screenshot to the manager and not to another member", async ({ page, browser, request, org }) => {
  test.setTimeout(180_000);
  const manager = await org.addUser({ firstName: "Mia", lastName: "Manager" });
  const ana = await org.addUser({ firstName: "Ana", lastName: "Shots" });
  const ben = await org.addUser({ firstName: "Ben", lastName: "Bystander" });
  await org.addTeam("Design", manager, [ana, ben]);
  const day = addDays(new Date().toISOString().slice(0, 10), -1); // everyone's zone is UTC

  const ids: string[] = [];
  for (const [i, recordedAt] of [`${day}T10:03:00.000Z`, `${day}T10:14:30.000Z`].entries()) {
    const res = await request.post("/api/timesheet/screenshot", {
      headers: { authorization: `Bearer ${ana.token}` },
      multipart: { file: { name: `shot-${i}.png`, mimeType: "image/png", buffer: PNG }, recordedAt },
    });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).id);
  }
  const slot = await org.api(ana.token, "POST", "/api/timesheet/time-slot", { startedAt: `${day}T10:10:00.000Z`, duration: 600, keyboard: 300, mouse: 400, overall: 450 });
  expect(slot.status, JSON.stringify(slot.body)).toBeLessThan(300);

  // the manager picks Ana and the day
  await signIn(page, manager);
  await page.goto(`/screenshots?day=${day}`);
  await expect(page.getByRole("heading", { name: "Screenshots", level: 1 })).toBeVisible();
  await expect(page.getByText("No screenshots on this day")).toBeVisible();
  await page.getByLabel("Person").selectOption({ label: "Ana Shots" });
  const hour = page.getByRole("region", { name: "10:00, 2 screenshots" });
  await expect(hour.getByTestId("screenshot-thumb")).toHaveCount(2);
  await expect(hour).toContainText("75%"); // the 10:10 slot: 450 of 600 seconds active
  await expect(hour).toContainText("no screenshot");
  const thumb = hour.getByTestId("screenshot-thumb").first().locator("img");
  const thumbRes = await page.request.get((await thumb.getAttribute("src"))!);
  expect(thumbRes.status(), await thumbRes.text()).toBe(200);
  expect(thumbRes.headers()["content-type"]).toBe("image/webp");
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: "e2e/artifacts/screenshots.png", fullPage: true });

  // the viewer: full size, next and previous with the arrow keys, no delete for a manager
  await hour.getByRole("button", { name: "Open the screenshot of 10:03" }).click();
  const viewer = page.getByRole("dialog");
  await expect(viewer.getByRole("heading")).toContainText("10:03");
  const full = viewer.getByRole("img", { name: /Screenshot of Ana Shots/ });
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expect(viewer.getByRole("button", { name: "Previous" })).toBeDisabled();
  await page.keyboard.press("ArrowRight");
  await expect(viewer.getByRole("heading")).toContainText("10:14");
  await expect(viewer).toContainText("activity 75%");
  await expect(viewer.getByRole("button", { name: "Next" })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await page.screenshot({ path: "e2e/artifacts/screenshot-viewer.png" });
  await page.keyboard.press("ArrowLeft");
  await expect(viewer.getByRole("heading")).toContainText("10:03");
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();

  // another member of the team sees neither the gallery nor the image
  const other = await browser.newContext();
  const benPage = await other.newPage();
  await signIn(benPage, ben);
  await benPage.goto(`/screenshots?user=${ana.id}&day=${day}`);
  await expect(benPage.getByLabel("Person")).toHaveCount(0);
  await expect(benPage.getByRole("heading", { level: 2 })).toContainText("Ben Bystander");
  await expect(benPage.getByText("No screenshots on this day")).toBeVisible();
  expect((await benPage.request.get(`/api/timesheet/screenshot/${ids[0]}/thumb`)).status()).toBe(404);
  expect((await benPage.request.get(`/api/timesheet/screenshot?startDate=${day}&endDate=${day}&employeeId=${ana.id}`)).status()).toBe(403);
  await other.close();

  // the owner deletes one of hers
  const owner = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const anaPage = await owner.newPage();
  await signIn(anaPage, ana);
  await anaPage.goto(`/screenshots?day=${day}`);
  await expect(anaPage.getByTestId("screenshot-thumb")).toHaveCount(2);
  await expectNoSidewaysScroll(anaPage);
  await anaPage.getByRole("button", { name: "Open the screenshot of 10:14" }).click();
  await anaPage.getByRole("dialog").getByRole("button", { name: "Delete screenshot" }).click();
  await expect(anaPage.getByRole("dialog").getByRole("heading")).toContainText("10:03");
  await anaPage.keyboard.press("Escape");
  await expect(anaPage.getByTestId("screenshot-thumb")).toHaveCount(1);
  await anaPage.screenshot({ path: "e2e/artifacts/screenshots-phone.png", fullPage: true });
  await owner.close();
});
