import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, signIn, test } from "./fixtures";

// The outside review's HTTP-edge findings, checked against the built app behind next start:
// the cross-port CSRF, the file routes' merged headers, malformed escapes, and the sign-in redirect.

// a 64×40 blue PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoCAIAAADBrGu+AAAAPUlEQVR42u3PQQkAAAgEsItjJhMbyww+hcEKLNXzWgQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQELhYR9eS1h/12IgAAAABJRU5ErkJggg==",
  "base64",
);

/** A page on another port of the same host (same site, another origin) that attacks the API. */
async function attackerSite(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><title>cat pictures</title>
<form id="f" method="POST" action="${target}/v1/invitations" enctype="text/plain" target="sink">
  <input name='{"email":"csrf-form@example.test","role":"admin","x":"' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  fetch("${target}/v1/invitations", { method: "POST", mode: "no-cors", credentials: "include",
    headers: { "content-type": "text/plain" }, body: JSON.stringify({ email: "csrf-fetch@example.test", role: "admin" }) })
    .finally(() => document.getElementById("f").submit());
</script>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("a page on another port cannot make a signed-in admin create an invitation (403)", async ({ page, org, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, org.admin);
  const attacker = await attackerSite(baseURL!);
  const statuses: number[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname === "/v1/invitations" && r.request().method() === "POST") statuses.push(r.status());
  });
  try {
    await page.goto(attacker.url);
    await expect.poll(() => statuses.length, { timeout: 20_000 }).toBe(2);
  } finally {
    await attacker.close();
  }
  expect(statuses).toEqual([403, 403]);
  const list = await org.api(org.admin.token, "GET", "/v1/invitations");
  expect(list.status).toBe(200);
  expect(JSON.stringify(list.body)).not.toContain("csrf-");

  // the app's own pages still write with the cookie (same origin, JSON)
  await page.goto("/app");
  const own = await page.evaluate(async () => {
    const res = await fetch("/v1/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "own-page@example.test" }) });
    return res.status;
  });
  expect(own).toBe(201);
});

test("screenshot files keep their sandbox policy through next.config's headers", async ({ request, org }) => {
  test.setTimeout(300_000);
  const ana = await org.addUser({ firstName: "Ana", lastName: "Files" });
  const up = await request.post("/api/timesheet/screenshot", {
    headers: { authorization: `Bearer ${ana.token}` },
    multipart: { file: { name: "shot.png", mimeType: "image/png", buffer: PNG }, recordedAt: new Date(Date.now() - 3600_000).toISOString() },
  });
  expect(up.status(), await up.text()).toBe(201);
  const shot = await up.json();
  for (const url of [shot.file, shot.thumb] as string[]) {
    const res = await request.get(new URL(url).pathname, { headers: { authorization: `Bearer ${ana.token}` } });
    expect(res.status()).toBe(200);
    const h = res.headersArray();
    expect(h.filter((x) => x.name.toLowerCase() === "content-security-policy").map((x) => x.value)).toEqual(["sandbox; default-src 'none'"]);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="[A-Za-z0-9._-]+"$/);
  }
});

test("malformed percent-escapes answer 400 in the family's envelope", async ({ request }) => {
  const v1 = await request.get("/v1/users/%E0%A4%A");
  expect(v1.status()).toBe(400);
  expect((await v1.json()).code).toBe("bad_request");
  const ts = await request.get("/api/timesheet/time-log/%E0%A4%A");
  expect(ts.status()).toBe(400);
  const dash = await request.get("/v1/dashboard/%E0%A4%A");
  expect(dash.status()).toBe(400);
  expect((await dash.json()).success).toBe(false);
});

test("sign-in never redirects off the app, and a newline in callbackUrl is no server error", async ({ page, org, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, org.admin);
  for (const cb of ["/%0a/x", "/%09/evil.host", "%2F%2Fevil.host", "https://evil.host/"]) {
    const res = await page.goto(`/sign-in?callbackUrl=${cb}`);
    expect(res!.status(), cb).toBeLessThan(400);
    expect(new URL(page.url()).origin, cb).toBe(new URL(baseURL!).origin);
  }
});
