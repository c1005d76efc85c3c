import { z } from "zod";
import { pageParams, uuid, withPage } from "./common";

// Bodies of /v1/productivity-rules. Patterns are stored normalised (lower case; a domain
// as its bare host), so matching in SQL is plain equality and suffix comparison.

export const matchType = z.enum(["APP", "DOMAIN"], { message: "must be APP or DOMAIN" });
export const classification = z.enum(["PRODUCTIVE", "NEUTRAL", "UNPRODUCTIVE"], {
  message: "must be PRODUCTIVE, NEUTRAL or UNPRODUCTIVE",
});

const HOST = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** "https://www.GitHub.com/x" → "www.github.com"; "*.github.com" → "github.com". */
export function normaliseDomain(input: string): string {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  s = s.split(/[/?#]/, 1)[0]!;
  s = s.replace(/^[^@]*@/, "").replace(/:\d+$/, "");
  s = s.replace(/^\*\./, "").replace(/\.$/, "");
  return s;
}

export const normaliseApp = (input: string) => input.trim().toLowerCase();

export function isValidPattern(type: "APP" | "DOMAIN", pattern: string): boolean {
  if (type === "APP") return pattern.length >= 1 && pattern.length <= 200;
  return HOST.test(pattern);
}

/** The stored form of a pattern, or the message saying why it is not one (for the `pattern` field). */
export function checkPattern(type: "APP" | "DOMAIN", raw: string): { pattern: string } | { error: string } {
  const pattern = type === "APP" ? normaliseApp(raw) : normaliseDomain(raw);
  if (isValidPattern(type, pattern)) return { pattern };
  return { error: type === "APP" ? "must be an application name" : "must be a domain such as github.com" };
}

const pattern = z.string({ message: "must be a string" }).trim().min(1, "must not be empty").max(300, "must be at most 300 characters");

export const ruleBody = z
  .object({
    matchType,
    pattern,
    classification,
    teamId: uuid.nullable().default(null),
  })
  .transform((b, ctx) => {
    const checked = checkPattern(b.matchType, b.pattern);
    if ("error" in checked) {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: checked.error });
      return z.NEVER;
    }
    return { ...b, pattern: checked.pattern };
  });
export type RuleBody = z.infer<typeof ruleBody>;

/** PUT: any of the fields; the pattern is normalised by the service (it may need the stored matchType). */
export const ruleUpdateBody = z
  .object({
    matchType: matchType.optional(),
    pattern: pattern.optional(),
    classification: classification.optional(),
    teamId: uuid.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "must change at least one field" });
export type RuleUpdateBody = z.infer<typeof ruleUpdateBody>;

export const ruleListQuery = z
  .object({
    teamId: uuid.optional(),
    matchType: matchType.optional(),
    ...pageParams,
  })
  .transform(withPage);
