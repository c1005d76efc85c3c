import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { register } from "@/instrumentation";
import { testDbKind } from "../db";
import { db, makeOrg } from "../helpers";
import { ago, filesOf, patternImage, rowsOf, uploadAs } from "./helpers";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe(`daily prune scheduled by the server (${testDbKind()})`, () => {
  it("does nothing outside the Node.js runtime", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
    vi.stubEnv("NEXT_RUNTIME", "edge");
    await register();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("prunes a minute after start", async () => {
    const org = await makeOrg();
    const old = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(3 * 24 * 60) });
    expect(old.status).toBe(201);
    await (await db()).update(organizations).set({ screenshotRetentionDays: 2 }).where(eq(organizations.id, org.id));

    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    await register();
    await register(); // a second call (dev reload) schedules nothing more
    await vi.advanceTimersByTimeAsync(59_000);
    expect(await rowsOf(org.id)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await rowsOf(org.id)).toHaveLength(0), { timeout: 10_000 });
    expect(filesOf(org.id)).toHaveLength(0);
  });
});
