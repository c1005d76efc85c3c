import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, FieldError, invalidField } from "@/lib/errors";
import { atWire, wirePath } from "./wire-fields";

describe("wire paths of domain fields", () => {
  const spec = {
    params: z.object({ taskId: z.string() }),
    query: z.object({ endDate: z.string().optional() }),
    body: z.object({ startedAt: z.string(), activities: z.array(z.object({ url: z.string() })) }).transform((b) => b),
  };

  it("finds a field in the body, then the query, then the params", () => {
    expect(wirePath(spec, "startedAt")).toBe("body.startedAt");
    expect(wirePath(spec, "activities.3.url")).toBe("body.activities.3.url");
    expect(wirePath(spec, "endDate")).toBe("query.endDate");
    expect(wirePath(spec, "taskId")).toBe("params.taskId");
    expect(wirePath({}, "file")).toBe("body.file");
    expect(wirePath(spec, "query.x")).toBe("query.x");
  });

  it("renames through the spec's fields map, in the message, the details and the reason", () => {
    const err = atWire(
      invalidField("stoppedAt", (name) => `must be after ${name("startedAt")}`),
      { body: z.object({ start: z.number(), end: z.number() }), fields: { startedAt: "body.start", stoppedAt: "body.end" } },
    );
    expect(err.message).toBe("body.end: must be after start");
    expect(err.details).toEqual({ field: "body.end" });
    expect(err.code).toBe("validation_failed");
  });

  it("leaves other errors alone and keeps the code of a FieldError", () => {
    const plain = new AppError("conflict", "x");
    expect(atWire(plain, spec)).toBe(plain);
    const e = atWire(new FieldError("payload_too_large", "file", "larger than 5 bytes"), {});
    expect([e.code, e.message]).toEqual(["payload_too_large", "body.file: larger than 5 bytes"]);
  });
});
