import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkResponse } from "./check-response";

const schema = z.object({ id: z.string(), at: z.string(), note: z.string().nullable() });

describe("checkResponse", () => {
  it("accepts an answer its schema describes, read as JSON (a Date is its ISO string)", () => {
    expect(() => checkResponse(schema, { id: "a", at: new Date(0), note: null }, "GET /x")).not.toThrow();
  });
  it("refuses a missing or mistyped field, naming it", () => {
    expect(() => checkResponse(schema, { id: "a", at: "t" }, "GET /x")).toThrow(/GET \/x.*note/);
    expect(() => checkResponse(schema, { id: 1, at: "t", note: null }, "GET /x")).toThrow(/id/);
  });
  it("refuses a field the schema does not describe", () => {
    expect(() => checkResponse(schema, { id: "a", at: "t", note: null, secret: "x" }, "GET /x")).toThrow(/does not describe/);
  });
  it("reads an empty answer as null", () => {
    expect(() => checkResponse(z.null(), undefined, "POST /x")).not.toThrow();
  });
});
