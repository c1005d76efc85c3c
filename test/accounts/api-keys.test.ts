import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/base/clock";
import { GET as listKeys, POST as createKey } from "@/app/v1/api-keys/route";
import { DELETE as deleteKey, GET as getKey } from "@/app/v1/api-keys/[apiKeyId]/route";
import { POST as rotateKey } from "@/app/v1/api-keys/[apiKeyId]/rotate/route";
import { POST as apiKeyLogin } from "@/app/v1/auth/api-key/login/route";
import { POST as apiKeyRefresh } from "@/app/v1/auth/api-key/refresh/route";
import { POST as passwordRefresh } from "@/app/v1/auth/refresh/route";
import { GET as getUserRoute } from "@/app/v1/users/[userId]/route";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { createSession } from "@/lib/services/accounts";
import { expectNoSecrets } from "./helpers";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

afterEach(() => setClock(null));

async function newKey(token: string, name = "CI runner") {
  const res = await call(createKey, "POST", "/v1/api-keys", { token, body: { name } });
  expect(res.status).toBe(201);
  return res.body as { apiKey: string; message: string; info: { id: string; name: string; last4: string; lastUsedAt: number | null } };
}

describe(`API keys (${testDbKind()})`, () => {
  it("a session opened with an API key may not create or rotate keys (403), and nothing is written", async () => {
    const org = await makeOrg();
    const created = await newKey(org.member.token);
    const login = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: created.apiKey } });
    expect(login.status).toBe(200);
    const viaKey = login.body.accessToken as string;

    const minted = await call(createKey, "POST", "/v1/api-keys", { token: viaKey, body: { name: "sneaky" } });
    expect(minted.status).toBe(403);
    expect(minted.body.code).toBe("forbidden");
    const rotated = await call(rotateKey, "POST", `/v1/api-keys/${created.info.id}/rotate`, { token: viaKey, params: { apiKeyId: created.info.id } });
    expect(rotated.status).toBe(403);

    const list = await call(listKeys, "GET", "/v1/api-keys", { token: org.member.token });
    expect(JSON.stringify(list.body)).not.toContain("sneaky");
    // the key still works: the refused rotation did not replace it
    expect((await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: created.apiKey } })).status).toBe(200);
    // the key may still read its own metadata
    expect((await call(getKey, "GET", `/v1/api-keys/${created.info.id}`, { token: viaKey, params: { apiKeyId: created.info.id } })).status).toBe(200);
  });

  it("create → login → 15-minute expiry → refresh → rotate → old key refused → delete", async () => {
    const base = Date.parse("2026-04-06T09:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    const me = (token: string) => call(getUserRoute, "GET", `/v1/users/${org.member.id}`, { token, params: { userId: org.member.id } });

    const created = await newKey(org.member.token);
    expect(created.apiKey).toMatch(/^tb_[A-Za-z0-9_-]{60,}$/);
    expect(created.message).toBe("API key created. Store it securely — it will not be shown again.");
    expect(created.info).toMatchObject({ name: "CI runner", last4: created.apiKey.slice(-4), lastUsedAt: null });
    expect(Object.keys(created.info)).toEqual(expect.arrayContaining(["id", "name", "last4", "lastUsedAt", "createdAt", "updatedAt"]));

    // shown once: reading it back gives only metadata
    const read = await call(getKey, "GET", `/v1/api-keys/${created.info.id}`, { token: org.member.token, params: { apiKeyId: created.info.id } });
    expect(read.status).toBe(200);
    expectNoSecrets(read.body, created.apiKey);

    const login = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: created.apiKey }, headers: { "user-agent": "cli/1.0" } });
    expect(login.status).toBe(200);
    expect(login.body.expiresIn).toBe(base + 15 * MINUTE);
    expect((await me(login.body.accessToken)).status).toBe(200);
    const used = await call(getKey, "GET", `/v1/api-keys/${created.info.id}`, { token: org.member.token, params: { apiKeyId: created.info.id } });
    expect(used.body.lastUsedAt).toBe(base);

    setClock(() => new Date(base + 15 * MINUTE));
    expect((await me(login.body.accessToken)).status).toBe(401);

    // an API-key session refreshes through its own endpoint, for at most a day
    const refreshed = await call(apiKeyRefresh, "POST", "/v1/auth/api-key/refresh", { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.expiresIn).toBe(base + 30 * MINUTE);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);
    const viaPassword = await call(passwordRefresh, "POST", "/v1/auth/refresh", { body: { refreshToken: refreshed.body.refreshToken } });
    expect(viaPassword.status).toBe(401);

    setClock(() => new Date(base + DAY - 5 * MINUTE));
    const nearEnd = await call(apiKeyRefresh, "POST", "/v1/auth/api-key/refresh", { body: { refreshToken: refreshed.body.refreshToken } });
    expect(nearEnd.status).toBe(200);
    expect(nearEnd.body.expiresIn).toBe(base + DAY);
    setClock(() => new Date(base + DAY));
    const pastEnd = await call(apiKeyRefresh, "POST", "/v1/auth/api-key/refresh", { body: { refreshToken: nearEnd.body.refreshToken } });
    expect(pastEnd.status).toBe(401);

    // rotate: a new key is shown once; the old key and its sessions fail at once
    setClock(() => new Date(base + 2 * DAY));
    const { accessToken: memberToken } = await createSession(await db(), { orgId: org.id, userId: org.member.id, kind: "password" });
    const live = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: created.apiKey } });
    expect((await me(live.body.accessToken)).status).toBe(200);
    const rotated = await call(rotateKey, "POST", `/v1/api-keys/${created.info.id}/rotate`, { token: memberToken, params: { apiKeyId: created.info.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.apiKey).toMatch(/^tb_/);
    expect(rotated.body.apiKey).not.toBe(created.apiKey);
    expect(rotated.body.info).toMatchObject({ name: "CI runner", last4: rotated.body.apiKey.slice(-4), lastUsedAt: null });
    expect((await me(live.body.accessToken)).status).toBe(401);
    const old = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: created.apiKey } });
    expect(old.status).toBe(401);
    const oldInfo = await call(getKey, "GET", `/v1/api-keys/${created.info.id}`, { token: memberToken, params: { apiKeyId: created.info.id } });
    expect(oldInfo.status).toBe(404);

    // delete: the key and its sessions fail at once
    const fresh = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: rotated.body.apiKey } });
    expect(fresh.status).toBe(200);
    const del = await call(deleteKey, "DELETE", `/v1/api-keys/${rotated.body.info.id}`, { token: memberToken, params: { apiKeyId: rotated.body.info.id } });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ message: "API key deleted" });
    expect((await me(fresh.body.accessToken)).status).toBe(401);
    const afterDelete = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: rotated.body.apiKey } });
    expect(afterDelete.status).toBe(401);
    const refreshDeleted = await call(apiKeyRefresh, "POST", "/v1/auth/api-key/refresh", { body: { refreshToken: fresh.body.refreshToken } });
    expect(refreshDeleted.status).toBe(401);
  });

  it.each([
    ["garbage", "nope"],
    ["a key of the right shape that does not exist", "tb_" + "A".repeat(75)],
  ])("refuses %s", async (_n, apiKey) => {
    const res = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey } });
    expect(res.status).toBe(401);
  });

  it("refuses a tampered key", async () => {
    const org = await makeOrg();
    const { apiKey } = await newKey(org.member.token);
    const tampered = apiKey.slice(0, -4) + (apiKey.endsWith("AAAA") ? "BBBB" : "AAAA");
    const res = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: tampered } });
    expect(res.status).toBe(401);
  });

  it("lists own keys to members and every key to admins; others' keys are 403, foreign 404", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const mine = await newKey(org.member.token, "mine");
    const theirs = await newKey(org.manager.token, "theirs");
    const foreign = await newKey(other.member.token, "foreign");

    const memberList = await call(listKeys, "GET", "/v1/api-keys", { token: org.member.token });
    expect(memberList.body.map((k: { id: string }) => k.id)).toEqual([mine.info.id]);
    expectNoSecrets(memberList.body, mine.apiKey);
    const adminList = await call(listKeys, "GET", "/v1/api-keys", { token: org.admin.token });
    expect(adminList.body.map((k: { id: string }) => k.id).sort()).toEqual([mine.info.id, theirs.info.id].sort());

    const cases: Array<[string, string, number]> = [
      [org.member.token, theirs.info.id, 403],
      [org.member.token, foreign.info.id, 404],
      [org.admin.token, foreign.info.id, 404],
      [org.admin.token, theirs.info.id, 200],
    ];
    for (const [token, apiKeyId, status] of cases) {
      const get = await call(getKey, "GET", `/v1/api-keys/${apiKeyId}`, { token, params: { apiKeyId } });
      expect(get.status).toBe(status);
    }
    for (const [handler, method, suffix] of [[rotateKey, "POST", "/rotate"], [deleteKey, "DELETE", ""]] as const) {
      const res = await call(handler, method, `/v1/api-keys/${foreign.info.id}${suffix}`, { token: org.admin.token, params: { apiKeyId: foreign.info.id } });
      expect(res.status).toBe(404);
      const res2 = await call(handler, method, `/v1/api-keys/${theirs.info.id}${suffix}`, { token: org.member.token, params: { apiKeyId: theirs.info.id } });
      expect(res2.status).toBe(403);
    }
    // the foreign key still works
    const still = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: foreign.apiKey } });
    expect(still.status).toBe(200);
  });

  it.each([
    [apiKeyLogin, "/v1/auth/api-key/login", {}, "body.apiKey"],
    [apiKeyLogin, "/v1/auth/api-key/login", { apiKey: "" }, "body.apiKey"],
    [apiKeyRefresh, "/v1/auth/api-key/refresh", {}, "body.refreshToken"],
    [apiKeyRefresh, "/v1/auth/api-key/refresh", { refreshToken: 7 }, "body.refreshToken"],
  ])("validates the body of %# and names the field", async (handler, path, body, field) => {
    const res = await call(handler, "POST", path, { body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });

  it("answers 400 for a malformed key id, naming it", async () => {
    const org = await makeOrg();
    for (const [handler, method] of [[getKey, "GET"], [deleteKey, "DELETE"], [rotateKey, "POST"]] as const) {
      const res = await call(handler, method, "/v1/api-keys/nope", { token: org.member.token, params: { apiKeyId: "nope" } });
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe("params.apiKeyId");
    }
  });

  it.each([
    [{}, "body.name"],
    [{ name: "" }, "body.name"],
    [{ name: 42 }, "body.name"],
  ])("validates the create body (%#)", async (body, field) => {
    const org = await makeOrg();
    const res = await call(createKey, "POST", "/v1/api-keys", { token: org.member.token, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });
});
