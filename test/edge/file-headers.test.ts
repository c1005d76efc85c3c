import { describe, expect, it } from "vitest";
import { safeFilename } from "@/lib/http/image-response";
import { testDbKind } from "../db";
import { makeOrg } from "../helpers";
import { ago, fetchImage, fileRoute, patternImage, thumbRoute, uploadAs } from "../screenshots/helpers";

// The file routes answer user-supplied bytes: a sandbox CSP of their own (next.config.ts no
// longer lays the app's CSP over it; the e2e spec checks the merged headers), nosniff, and a
// Content-Disposition whose filename cannot break out of its quotes.
describe(`screenshot file headers (${testDbKind()})`, () => {
  it("answers the sandbox policy, nosniff and a safe inline filename", async () => {
    const org = await makeOrg();
    const up = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(3) });
    expect(up.status).toBe(201);
    for (const [handler, variant] of [[fileRoute, "file"], [thumbRoute, "thumb"]] as const) {
      const res = await fetchImage(handler, up.body.id, org.member.token, variant);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="[A-Za-z0-9._-]+"$/);
    }
  });

  it("keeps quotes, slashes and control characters out of the filename", () => {
    expect(safeFilename('a"b\r\nc/../d.png')).toBe("a_b__c_.._d.png");
    expect(safeFilename("..")).toBe("file");
  });
});
