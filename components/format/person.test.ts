import { describe, expect, it } from "vitest";
import { personName } from "./person";

describe("personName", () => {
  it("joins the names, and falls back to the e-mail when both are empty", () => {
    expect(personName({ firstName: "Ana", lastName: "Pereira", email: "ana@x.test" })).toBe("Ana Pereira");
    expect(personName({ firstName: "Ana", lastName: "", email: "ana@x.test" })).toBe("Ana");
    expect(personName({ firstName: "", lastName: "", email: "ana@x.test" })).toBe("ana@x.test");
  });
});
