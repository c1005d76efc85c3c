import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { routeTable } from "@/app/routes.generated";
import { buildOpenApi, type RouteEntry } from "@/lib/openapi/build";
import { seedExamples } from "@/lib/openapi/examples";

// What a client reads in the interactive reference (/docs): request and response schemas, the
// seeds' examples, each family's error envelope, and how to authenticate.

type Media = { schema: Record<string, unknown>; examples?: Record<string, { value: unknown }> };
type Operation = {
  security: unknown[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};

const doc = buildOpenApi(routeTable as unknown as readonly RouteEntry[]) as unknown as {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string; description?: string }>; schemas: Record<string, object> };
};
const op = (key: string) => {
  const [method, path] = key.split(" ") as [string, string];
  return doc.paths[path]?.[method.toLowerCase()];
};

function ajv() {
  const a = new Ajv2020({ strict: false, allErrors: true });
  ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(a);
  return a;
}

describe("the OpenAPI document behind the reference", () => {
  it("attaches every seed example to a documented operation", () => {
    const missing = Object.keys(seedExamples).filter((k) => !op(k));
    expect(missing).toEqual([]);
    for (const [key, ex] of Object.entries(seedExamples)) {
      const o = op(key)!;
      if (ex.request !== undefined) expect(o.requestBody!.content["application/json"]!.examples!.seed!.value, key).toEqual(ex.request);
      if (ex.response !== undefined) {
        const success = Object.keys(o.responses).find((s) => s.startsWith("2"))!;
        expect(o.responses[success]!.content!["application/json"]!.examples!.seed!.value, key).toEqual(ex.response);
      }
    }
  });

  it.each(["POST /v1/dashboard/productivity-analysis", "POST /v1/dashboard/weekly-summary", "POST /v1/proof-of-work/timesheet"])(
    "%s: the seed's request is valid against the documented request schema, which names its fields",
    (key) => {
      const media = op(key)!.requestBody!.content["application/json"]!;
      expect(Object.keys(media.schema.properties as object)).toEqual(expect.arrayContaining(["startDate", "endDate", "timeZone", "userId", "teamId"]));
      const validate = ajv().compile(media.schema);
      expect(validate(seedExamples[key]!.request), ajv().errorsText(validate.errors)).toBe(true);
    },
  );

  it("documents every error answer with its family's envelope and a real example of it", () => {
    const a = ajv();
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(ops)) {
        for (const [status, r] of Object.entries(o.responses)) {
          if (Number(status) < 400) continue;
          const media = r.content!["application/json"]!;
          const ref = (media.schema as { $ref: string }).$ref;
          expect(ref, `${method} ${path} ${status}`).toMatch(/^#\/components\/schemas\/(v1|timesheet|dashboard|pow)Error$/);
          const schema = doc.components.schemas[ref.split("/").pop()!]!;
          const example = media.examples!.error!.value as Record<string, unknown>;
          expect(a.validate(schema, example), `${method} ${path} ${status}: ${a.errorsText()}`).toBe(true);
          expect(example.statusCode ?? Number(status)).toBe(Number(status));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("describes multipart uploads by their fields", () => {
    const avatar = op("PUT /v1/users/{userId}/avatar")!.requestBody!.content["multipart/form-data"]!.schema;
    expect(avatar).toMatchObject({ required: ["file"], properties: { file: { type: "string", format: "binary" } } });
    const shot = op("POST /api/timesheet/screenshot")!.requestBody!.content["multipart/form-data"]!.schema;
    expect(Object.keys(shot.properties as object).sort()).toEqual(["file", "recordedAt", "timeSlotId"]);
  });

  it("declares bearer auth and explains API-key login and scopes", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.info.description).toContain("POST /v1/auth/api-key/login");
    expect(doc.info.description).toMatch(/scopes/i);
    // API keys need the route's scope: the requirement names it
    expect(op("POST /v1/dashboard/productivity-analysis")!.security).toContainEqual({ bearerAuth: ["reports:read"] });
    expect(op("POST /v1/auth/login")!.security).toEqual([]);
  });
});
