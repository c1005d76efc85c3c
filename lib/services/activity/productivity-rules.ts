import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { productivityRules, teams, type ProductivityRule } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { requirePermission, type Caller } from "@/lib/auth/permissions";
import { checkPattern, type RuleBody, type RuleUpdateBody } from "@/lib/validation/productivity-rules";
import { audit } from "@/lib/services/platform/audit";
import { inTx } from "@/lib/services/platform/tx";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import type { RuleView } from "@/lib/validation/dashboard-responses";

// Productivity rules classify activities (an app name or a web host) as productive,
// neutral or unproductive. How a rule is picked for an activity (most specific wins) is
// in SQL, next to the dashboards that use it: lib/services/dashboards/metrics-sql.ts.

type MatchType = ProductivityRule["matchType"];
type Classification = ProductivityRule["classification"];

export function ruleView(r: ProductivityRule): RuleView {
  return {
    id: r.id,
    teamId: r.teamId,
    matchType: r.matchType,
    pattern: r.pattern,
    classification: r.classification,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type { RuleView };

async function assertTeamInOrg(db: Db, orgId: string, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, teamId)));
  if (!team) throw notFound("Team");
}

const duplicate = (type: MatchType, pattern: string) =>
  new AppError("conflict", `A ${type === "APP" ? "rule for the app" : "rule for the domain"} "${pattern}" already exists for this scope`);

/** Every member may read the rules (the UI explains classifications); only admins change them. */
export async function listRules(db: Db, caller: Caller, filter: { teamId?: string; matchType?: MatchType } = {}, page?: Page): Promise<Paged<ProductivityRule>> {
  // a foreign or unknown team answers 404, as everywhere else (found by test/hardening/cross-tenant)
  await assertTeamInOrg(db, caller.orgId, filter.teamId);
  const where = and(
    eq(productivityRules.organizationId, caller.orgId),
    filter.teamId ? eq(productivityRules.teamId, filter.teamId) : undefined,
    filter.matchType ? eq(productivityRules.matchType, filter.matchType) : undefined,
  );
  const query = db
    .select()
    .from(productivityRules)
    .where(where)
    .orderBy(sql`${productivityRules.teamId} nulls first`, asc(productivityRules.matchType), asc(productivityRules.pattern), asc(productivityRules.id))
    .$dynamic();
  return paginate(query, page, countWhere(db, productivityRules, where));
}

export async function getRule(db: Db, caller: Caller, ruleId: string): Promise<ProductivityRule> {
  const [rule] = await db
    .select()
    .from(productivityRules)
    .where(and(eq(productivityRules.organizationId, caller.orgId), eq(productivityRules.id, ruleId)));
  if (!rule) throw notFound("Productivity rule");
  return rule;
}

export async function createRule(db: Db, caller: Caller, input: RuleBody): Promise<ProductivityRule> {
  requirePermission(caller, "ORG_ADMIN");
  return inTx(db, async (tx) => {
    await assertTeamInOrg(tx, caller.orgId, input.teamId);
    const at = now();
    const [rule] = await tx
      .insert(productivityRules)
      .values({ organizationId: caller.orgId, teamId: input.teamId, matchType: input.matchType, pattern: input.pattern, classification: input.classification, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning();
    if (!rule) throw duplicate(input.matchType, input.pattern);
    await audit(tx, caller, "productivity_rule.created", { type: "productivity_rule", id: rule.id }, { pattern: rule.pattern, classification: rule.classification });
    return rule;
  });
}

export async function updateRule(db: Db, caller: Caller, ruleId: string, input: RuleUpdateBody): Promise<ProductivityRule> {
  requirePermission(caller, "ORG_ADMIN");
  return inTx(db, async (tx) => {
    const current = await getRule(tx, caller, ruleId);
    const matchType = input.matchType ?? current.matchType;
    const raw = input.pattern ?? current.pattern;
    const checked = checkPattern(matchType, raw);
    if ("error" in checked) throw invalidField("pattern", checked.error);
    const { pattern } = checked;
    if (input.teamId !== undefined) await assertTeamInOrg(tx, caller.orgId, input.teamId);
    const teamId = input.teamId === undefined ? current.teamId : input.teamId;
    const [clash] = await tx
      .select({ id: productivityRules.id })
      .from(productivityRules)
      .where(
        and(
          eq(productivityRules.organizationId, caller.orgId),
          teamId ? eq(productivityRules.teamId, teamId) : sql`${productivityRules.teamId} is null`,
          eq(productivityRules.matchType, matchType),
          eq(productivityRules.pattern, pattern),
          sql`${productivityRules.id} <> ${ruleId}`,
        ),
      );
    if (clash) throw duplicate(matchType, pattern);
    const [rule] = await tx
      .update(productivityRules)
      .set({ matchType, pattern, teamId, classification: input.classification ?? current.classification, updatedAt: now() })
      .where(and(eq(productivityRules.organizationId, caller.orgId), eq(productivityRules.id, ruleId)))
      .returning();
    await audit(tx, caller, "productivity_rule.updated", { type: "productivity_rule", id: ruleId }, { fields: Object.keys(input) });
    return rule!;
  });
}

export async function deleteRule(db: Db, caller: Caller, ruleId: string): Promise<void> {
  requirePermission(caller, "ORG_ADMIN");
  await inTx(db, async (tx) => {
    const rows = await tx
      .delete(productivityRules)
      .where(and(eq(productivityRules.organizationId, caller.orgId), eq(productivityRules.id, ruleId)))
      .returning({ id: productivityRules.id });
    if (rows.length === 0) throw notFound("Productivity rule");
    await audit(tx, caller, "productivity_rule.deleted", { type: "productivity_rule", id: ruleId });
  });
}

// The set a new organisation starts with. App names are the names desktop agents report
// (lower-cased); domains match their subdomains too (docs.github.com matches github.com).
const PRODUCTIVE_APPS = [
  // editors and IDEs
  "code", "visual studio code", "cursor", "zed", "visual studio", "xcode", "android studio", "intellij idea", "webstorm",
  "pycharm", "goland", "rider", "clion", "phpstorm", "rubymine", "datagrip", "eclipse", "sublime text", "notepad++",
  "vim", "neovim", "emacs",
  // terminals
  "terminal", "iterm2", "windows terminal", "powershell", "alacritty", "kitty", "wezterm", "warp", "gnome-terminal", "konsole",
  // tools, issue trackers and docs
  "postman", "insomnia", "docker desktop", "figma", "jira", "linear", "notion", "confluence", "obsidian",
  "microsoft word", "microsoft excel", "microsoft powerpoint", "libreoffice",
];
const UNPRODUCTIVE_APPS = ["steam", "epic games launcher", "netflix", "spotify", "tiktok", "prime video", "disney+"];
const PRODUCTIVE_DOMAINS = [
  "github.com", "gitlab.com", "bitbucket.org", "atlassian.net", "jira.com", "linear.app", "stackoverflow.com",
  "stackexchange.com", "developer.mozilla.org", "docs.google.com", "notion.so", "readthedocs.io", "npmjs.com", "pypi.org",
  "docs.rs", "pkg.go.dev", "learn.microsoft.com", "figma.com", "trello.com", "asana.com", "vercel.com", "console.aws.amazon.com",
  "console.cloud.google.com", "portal.azure.com",
];
const UNPRODUCTIVE_DOMAINS = [
  "facebook.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "reddit.com", "pinterest.com", "snapchat.com",
  "9gag.com", "youtube.com", "netflix.com", "twitch.tv", "primevideo.com", "disneyplus.com", "hulu.com", "spotify.com",
];

export const DEFAULT_RULES: ReadonlyArray<{ matchType: MatchType; pattern: string; classification: Classification }> = [
  ...PRODUCTIVE_APPS.map((pattern) => ({ matchType: "APP" as const, pattern, classification: "PRODUCTIVE" as const })),
  ...UNPRODUCTIVE_APPS.map((pattern) => ({ matchType: "APP" as const, pattern, classification: "UNPRODUCTIVE" as const })),
  ...PRODUCTIVE_DOMAINS.map((pattern) => ({ matchType: "DOMAIN" as const, pattern, classification: "PRODUCTIVE" as const })),
  ...UNPRODUCTIVE_DOMAINS.map((pattern) => ({ matchType: "DOMAIN" as const, pattern, classification: "UNPRODUCTIVE" as const })),
];

/** Gives an organisation the default rules; rules it already has are kept as they are. */
export async function seedDefaultProductivityRules(db: Db, orgId: string): Promise<void> {
  const at = now();
  await db
    .insert(productivityRules)
    .values(DEFAULT_RULES.map((r) => ({ organizationId: orgId, teamId: null, ...r, createdAt: at, updatedAt: at })))
    .onConflictDoNothing();
}
