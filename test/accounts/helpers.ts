import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/services/accounts";
import { POST as signupRoute } from "@/app/v1/auth/signup/route";
import { POST as loginRoute } from "@/app/v1/auth/login/route";
import { call, db } from "../helpers";

export const PASSWORD = "correct-Horse-7-battery";

export const uniqueEmail = (tag = "user") => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

export interface SignedUp {
  orgId: string;
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** A new organisation through the real signup route, and its admin logged in. */
export async function signupAndLogin(opts: { email?: string; password?: string } = {}): Promise<SignedUp> {
  const email = opts.email ?? uniqueEmail("owner");
  const password = opts.password ?? PASSWORD;
  const res = await call(signupRoute, "POST", "/v1/auth/signup", {
    body: { email, password, firstName: "Olga", lastName: "Owner", orgName: `Org ${randomUUID().slice(0, 6)}` },
  });
  expect(res.status).toBe(201);
  const tokens = await login(email, password);
  return { orgId: res.body.org.id, userId: res.body.user.id, email, password, ...tokens };
}

export async function login(email: string, password: string, headers?: Record<string, string>) {
  const res = await call(loginRoute, "POST", "/v1/auth/login", { body: { email, password }, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { accessToken: string; refreshToken: string; expiresIn: number };
}

/** Gives a helper-made user (test/helpers addUser) a password. */
export async function givePassword(orgId: string, userId: string, password = PASSWORD): Promise<void> {
  const d = await db();
  await d
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(and(eq(users.organizationId, orgId), eq(users.id, userId)));
}

/** No response carries a hash, a password or a stored secret. */
export function expectNoSecrets(body: unknown, ...secrets: string[]): void {
  const text = JSON.stringify(body ?? null);
  expect(text).not.toMatch(/hash/i);
  expect(text).not.toContain("$argon2");
  expect(text).not.toMatch(/"password"\s*:/);
  for (const s of secrets) expect(text).not.toContain(s);
}

/** The token of a one-time link (invitation or set-password). */
export function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token")!;
}
