import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { productivityRules } from "@/db/schema";
import * as rules from "@/app/v1/productivity-rules/route";
import * as rule from "@/app/v1/productivity-rules/[ruleId]/route";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { createOrganization } from "@/lib/services/organizations";
import { DEFAULT_RULES, seedDefaultProductivityRules } from "@/lib/services/activity";
import { productivityRuleResponse } from "@/lib/validation/dashboard-responses";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { addActivities, addEntries, addRules } from "./fixtures";

const post = (token: string, body: unknown) => call(rules.POST, "POST", "/v1/productivity-rules", { token, body });

describe(`productivity rules (${testDbKind()})`, () => {
  it("lets admins create, read, change and delete rules, normalising the pattern", async () => {
    const org = await makeOrg();
    const app = await post(org.admin.token, { matchType: "APP", pattern: "  Visual Studio Code ", classification: "PRODUCTIVE" });
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({ teamId: null, matchType: "APP", pattern: "visual studio code", classification: "PRODUCTIVE" });
    expect(productivityRuleResponse.parse(app.body)).toEqual(app.body);
    const url = await post(org.admin.token, { matchType: "DOMAIN", pattern: "https://www.YouTube.com/watch?v=1", classification: "UNPRODUCTIVE", teamId: org.teamId });
    expect(url.status).toBe(201);
    expect(url.body).toMatchObject({ teamId: org.teamId, pattern: "www.youtube.com" });
    const wildcard = await post(org.admin.token, { matchType: "DOMAIN", pattern: "*.reddit.com", classification: "UNPRODUCTIVE" });
    expect(wildcard.body.pattern).toBe("reddit.com");

    const list = await call(rules.GET, "GET", "/v1/productivity-rules", { token: org.member.token });
    expect(list.status).toBe(200);
    expect(list.body.map((r: { pattern: string }) => r.pattern)).toEqual(["visual studio code", "reddit.com", "www.youtube.com"]);
    const teamOnly = await call(rules.GET, "GET", "/v1/productivity-rules", { token: org.admin.token, query: { teamId: org.teamId } });
    expect(teamOnly.body).toHaveLength(1);

    const id = app.body.id as string;
    const got = await call(rule.GET, "GET", `/v1/productivity-rules/${id}`, { token: org.member.token, params: { ruleId: id } });
    expect(got.body).toEqual(app.body);
    const changed = await call(rule.PUT, "PUT", `/v1/productivity-rules/${id}`, { token: org.admin.token, params: { ruleId: id }, body: { classification: "NEUTRAL", pattern: "Code" } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ pattern: "code", classification: "NEUTRAL", matchType: "APP" });
    const removed = await call(rule.DELETE, "DELETE", `/v1/productivity-rules/${id}`, { token: org.admin.token, params: { ruleId: id } });
    expect(removed.body).toEqual({ message: "Productivity rule deleted" });
    expect((await call(rule.GET, "GET", `/v1/productivity-rules/${id}`, { token: org.admin.token, params: { ruleId: id } })).status).toBe(404);
  });

  it.each([
    [{ matchType: "REGEX", pattern: "x", classification: "PRODUCTIVE" }, 422, "body.matchType"],
    [{ matchType: "DOMAIN", pattern: "not a domain!", classification: "PRODUCTIVE" }, 422, "body.pattern"],
    [{ matchType: "APP", pattern: "   ", classification: "PRODUCTIVE" }, 422, "body.pattern"],
    [{ matchType: "APP", pattern: "code", classification: "GREAT" }, 422, "body.classification"],
    [{ matchType: "APP", pattern: "code", classification: "PRODUCTIVE", teamId: "nope" }, 422, "body.teamId"],
  ])("refuses a bad rule %# naming the field", async (body, status, field) => {
    const org = await makeOrg();
    const res = await post(org.admin.token, body);
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(field);
  });

  it("refuses duplicates (409), members' writes (403) and other organisations' teams and rules (404)", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const first = await post(org.admin.token, { matchType: "DOMAIN", pattern: "github.com", classification: "PRODUCTIVE" });
    expect((await post(org.admin.token, { matchType: "DOMAIN", pattern: "GitHub.com", classification: "NEUTRAL" })).status).toBe(409);
    // the same pattern as a team override is another scope
    expect((await post(org.admin.token, { matchType: "DOMAIN", pattern: "github.com", classification: "NEUTRAL", teamId: org.teamId })).status).toBe(201);
    expect((await post(org.member.token, { matchType: "APP", pattern: "vim", classification: "PRODUCTIVE" })).status).toBe(403);
    expect((await post(org.admin.token, { matchType: "APP", pattern: "vim", classification: "PRODUCTIVE", teamId: other.teamId })).status).toBe(404);
    const id = first.body.id as string;
    expect((await call(rule.GET, "GET", `/v1/productivity-rules/${id}`, { token: other.admin.token, params: { ruleId: id } })).status).toBe(404);
    expect((await call(rule.PUT, "PUT", `/v1/productivity-rules/${id}`, { token: other.admin.token, params: { ruleId: id }, body: { classification: "NEUTRAL" } })).status).toBe(404);
    expect((await call(rule.DELETE, "DELETE", `/v1/productivity-rules/${id}`, { token: org.member.token, params: { ruleId: id } })).status).toBe(403);
    const vim = await post(org.admin.token, { matchType: "DOMAIN", pattern: "gitlab.com", classification: "PRODUCTIVE" });
    const clash = await call(rule.PUT, "PUT", `/v1/productivity-rules/${vim.body.id}`, { token: org.admin.token, params: { ruleId: vim.body.id }, body: { pattern: "github.com" } });
    expect(clash.status).toBe(409);
    const empty = await call(rule.PUT, "PUT", `/v1/productivity-rules/${id}`, { token: org.admin.token, params: { ruleId: id }, body: {} });
    expect(empty.status).toBe(422);
  });

  it("answers each rule endpoint's errors: 422 naming the field, 404 for another organisation, 403 for a member's write", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const own = await post(org.admin.token, { matchType: "APP", pattern: "Visual Studio Code", classification: "PRODUCTIVE" });
    const id = own.body.id as string;
    const at = (ruleId: string) => ({ params: { ruleId } });

    const badQuery = await call(rules.GET, "GET", "/v1/productivity-rules", { token: org.member.token, query: { matchType: "REGEX" } });
    expect(badQuery.status).toBe(422);
    expect(badQuery.body.message).toContain("query.matchType");
    expect((await call(rules.GET, "GET", "/v1/productivity-rules", { token: org.admin.token, query: { teamId: other.teamId } })).status).toBe(404);

    const put = (token: string, ruleId: string, body: unknown) => call(rule.PUT, "PUT", `/v1/productivity-rules/${ruleId}`, { token, ...at(ruleId), body });
    const empty = await put(org.admin.token, id, {});
    expect(empty.status).toBe(422);
    expect(empty.body.message).toMatch(/^body: must change at least one field/);
    // "visual studio code" is a fine app name but no domain: checked against the stored pattern
    const asDomain = await put(org.admin.token, id, { matchType: "DOMAIN" });
    expect(asDomain.status).toBe(422);
    expect(asDomain.body.message).toContain("body.pattern");
    const badClass = await put(org.admin.token, id, { classification: "GREAT" });
    expect(badClass.status).toBe(422);
    expect(badClass.body.message).toContain("body.classification");
    expect((await put(org.admin.token, id, { teamId: other.teamId })).status).toBe(404);
    expect((await put(org.member.token, id, { classification: "NEUTRAL" })).status).toBe(403);
    expect((await put(org.manager.token, id, { classification: "NEUTRAL" })).status).toBe(403);

    expect((await call(rule.DELETE, "DELETE", `/v1/productivity-rules/${id}`, { token: other.admin.token, ...at(id) })).status).toBe(404);
    expect((await call(rule.DELETE, "DELETE", `/v1/productivity-rules/${id}`, { token: org.manager.token, ...at(id) })).status).toBe(403);
    // none of the refusals changed the rule
    const still = await call(rule.GET, "GET", `/v1/productivity-rules/${id}`, { token: org.member.token, ...at(id) });
    expect(still.body).toEqual(own.body);
  });

  it("gives a new organisation the default rules, once", async () => {
    const d = await db();
    const org = await createOrganization(d, { name: "Fresh" });
    await seedDefaultProductivityRules(d, org.id);
    const rows = await d.select().from(productivityRules).where(eq(productivityRules.organizationId, org.id));
    expect(rows).toHaveLength(DEFAULT_RULES.length);
    const find = (pattern: string) => rows.find((r) => r.pattern === pattern)?.classification;
    expect(find("code")).toBe("PRODUCTIVE");
    expect(find("github.com")).toBe("PRODUCTIVE");
    expect(find("stackoverflow.com")).toBe("PRODUCTIVE");
    expect(find("iterm2")).toBe("PRODUCTIVE");
    expect(find("youtube.com")).toBe("UNPRODUCTIVE");
    expect(find("facebook.com")).toBe("UNPRODUCTIVE");
    const [jira] = await d.select().from(productivityRules).where(and(eq(productivityRules.organizationId, org.id), eq(productivityRules.pattern, "atlassian.net")));
    expect(jira?.matchType).toBe("DOMAIN");
  });

  it("classifies with the most specific rule: a team override, then the longest domain", async () => {
    const org = await makeOrg();
    await addRules(org.id, [
      { matchType: "DOMAIN", pattern: "github.com", classification: "PRODUCTIVE" },
      { matchType: "DOMAIN", pattern: "gist.github.com", classification: "UNPRODUCTIVE" },
      { matchType: "DOMAIN", pattern: "youtube.com", classification: "UNPRODUCTIVE" },
      { matchType: "DOMAIN", pattern: "youtube.com", classification: "PRODUCTIVE", teamId: org.teamId },
      { matchType: "APP", pattern: "slack", classification: "PRODUCTIVE" },
      { matchType: "APP", pattern: "slack", classification: "NEUTRAL", teamId: org.teamId },
      // "hub.com" must not match "github.com": a domain matches only at a dot
      { matchType: "DOMAIN", pattern: "hub.com", classification: "UNPRODUCTIVE" },
      // an app rule never matches a host of the same name
      { matchType: "APP", pattern: "example.com", classification: "UNPRODUCTIVE" },
    ]);
    const day = "2026-03-02";
    const acts = [
      { type: "URL" as const, name: "api.github.com", start: `${day}T09:00:00Z`, seconds: 600 }, // productive
      { type: "URL" as const, name: "gist.github.com", start: `${day}T09:10:00Z`, seconds: 300 }, // unproductive
      { type: "URL" as const, name: "m.youtube.com", start: `${day}T09:20:00Z`, seconds: 400 }, // team: productive, others: unproductive
      { type: "APP" as const, name: "Slack", start: `${day}T09:30:00Z`, seconds: 500 }, // team: neutral, others: productive
      { type: "URL" as const, name: "example.com", start: `${day}T09:40:00Z`, seconds: 200 }, // neutral
    ];
    for (const u of [org.member, org.outsider]) {
      await addEntries(org.id, u.id, [{ start: `${day}T09:00:00Z`, stop: `${day}T10:00:00Z` }]);
      await addActivities(org.id, u.id, acts);
    }
    const res = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", {
      token: org.admin.token,
      body: { startDate: `${day} 00:00:00`, endDate: `${day} 23:59:59`, timeZone: "UTC", userId: [org.member.id, org.outsider.id] },
    });
    expect(res.status).toBe(200);
    const summary = (id: string) => res.body.data.find((r: { user: { userId: string } }) => r.user.userId === id).timeSummary;
    expect(summary(org.member.id)).toEqual({ activeWorkedTimeInSeconds: 3600, productiveWorkedTimeInSeconds: 1000, unproductiveWorkedTimeInSeconds: 300, neutralWorkedTimeInSeconds: 2300 });
    expect(summary(org.outsider.id)).toEqual({ activeWorkedTimeInSeconds: 3600, productiveWorkedTimeInSeconds: 1100, unproductiveWorkedTimeInSeconds: 700, neutralWorkedTimeInSeconds: 1800 });
  });
});
