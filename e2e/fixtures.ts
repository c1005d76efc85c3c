import { randomUUID } from "node:crypto";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";

// Each spec makes its own organisation and people over the API (like solidtime's fixtures),
// so specs never depend on each other's rows.

export const PASSWORD = "correct-horse-battery-9";

export interface Person {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** A bearer token for API calls made by the spec on this person's behalf. */
  token: string;
}

export interface TestOrg {
  id: string;
  admin: Person;
  /** Creates a user (through the admin API and the set-password link) and signs them in over the API. */
  addUser(opts?: { role?: "member" | "admin"; firstName?: string; lastName?: string }): Promise<Person>;
  /** Creates a team with a manager and members. */
  addTeam(name: string, manager: Person, members: Person[]): Promise<string>;
  api(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

async function json(res: Awaited<ReturnType<APIRequestContext["get"]>>) {
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

async function login(request: APIRequestContext, email: string, password: string): Promise<string> {
  const res = await request.post("/v1/auth/login", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await json(res)).accessToken;
}

export async function createOrg(request: APIRequestContext): Promise<TestOrg> {
  const tag = randomUUID().slice(0, 8);
  const adminEmail = `admin-${tag}@example.test`;
  const signup = await request.post("/v1/auth/signup", {
    data: { email: adminEmail, firstName: "Alex", lastName: `Admin ${tag}`, password: PASSWORD, orgName: `E2E ${tag}` },
  });
  expect(signup.status(), await signup.text()).toBe(201);
  const created = await json(signup);
  const admin: Person = {
    id: created.user.id,
    email: adminEmail,
    password: PASSWORD,
    firstName: "Alex",
    lastName: `Admin ${tag}`,
    token: await login(request, adminEmail, PASSWORD),
  };

  const api = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await request.fetch(path, { method, headers: { authorization: `Bearer ${token}` }, data: body });
    return { status: res.status(), body: await json(res) };
  };

  let n = 0;
  return {
    id: created.org.id,
    admin,
    api,
    async addUser(opts = {}) {
      n += 1;
      const email = `user${n}-${tag}@example.test`;
      const firstName = opts.firstName ?? `User${n}`;
      const lastName = opts.lastName ?? tag;
      const made = await api(admin.token, "POST", "/v1/users", { email, firstName, lastName, role: opts.role ?? "member" });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const token = new URL(made.body.setPasswordUrl).searchParams.get("token");
      const set = await request.post("/v1/auth/set-password", { data: { token, password: PASSWORD } });
      expect(set.status(), await set.text()).toBe(200);
      return { id: made.body.id, email, password: PASSWORD, firstName, lastName, token: await login(request, email, PASSWORD) };
    },
    async addTeam(name, manager, members) {
      const team = await api(admin.token, "POST", "/v1/teams", { name });
      expect(team.status, JSON.stringify(team.body)).toBe(201);
      const teamId = team.body.id as string;
      expect((await api(admin.token, "PUT", `/v1/teams/${teamId}/members/${manager.id}`, { manager: true })).status).toBe(200);
      for (const m of members) expect((await api(admin.token, "PUT", `/v1/teams/${teamId}/members/${m.id}`, { manager: false })).status).toBe(200);
      return teamId;
    },
  };
}

/** Signs in through the real sign-in page. */
export async function signIn(page: Page, person: Pick<Person, "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export const test = base.extend<{ org: TestOrg }>({
  org: async ({ request }, use) => {
    await use(await createOrg(request));
  },
});

export { expect };
