import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./sign-in-errors";

const ORIGIN = "http://127.0.0.1:3210";

// The review's open redirect: browsers drop tabs and newlines and read backslashes as slashes,
// so `/\\t/evil.host` becomes `//evil.host`. Only a same-origin result is followed.
describe("safeCallbackUrl", () => {
  it.each([
    ["/%09/evil.host"],
    ["/\t/evil.host"],
    ["/\n/evil.host"],
    ["/\r\n/evil.host"],
    ["\\\\evil.host"],
    ["/\\evil.host"],
    ["\\/evil.host"],
    ["//evil.host"],
    ["///evil.host"],
    [" //evil.host"],
    ["https://evil.host/app"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:text/html,hi"],
    ["http://127.0.0.1:9999/app"],
    [""],
    [undefined],
    [["/a", "/b"]],
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value, "/app", ORIGIN)).toBe("/app");
    expect(safeCallbackUrl(value)).toBe("/app");
  });

  it.each([["/%2F%2Fevil.host"], ["/%5Cevil.host"], ["%2F%2Fevil.host"], ["/%0a/evil.host"], ["/%E0%A4%A"]])("refuses the encoded form %j", (value) => {
    expect(safeCallbackUrl(value, "/app", ORIGIN)).toBe("/app");
  });

  it.each([
    ["/app", "/app"],
    ["/timesheets?week=2026-01-05#top", "/timesheets?week=2026-01-05#top"],
    ["/a b", "/a%20b"],
    [`${ORIGIN}/team`, "/team"],
  ])("follows %j as %j", (value, expected) => {
    expect(safeCallbackUrl(value, "/app", ORIGIN)).toBe(expected);
  });

  it("turns a newline-carrying path into a valid Location value (no 500 on redirect)", () => {
    // `/%0a/x` arrives decoded as "/\n/x"; the browser would read "//x", another host
    expect(safeCallbackUrl("/\n/x", "/app", ORIGIN)).toBe("/app");
    expect(safeCallbackUrl("/x\ny", "/app", ORIGIN)).toBe("/xy");
  });
});
