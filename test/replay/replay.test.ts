import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// Record/replay of issue 15: the answers of every route on a fixed scenario, byte for byte after
// normalisation. `npm run replay:record` rewrites the recording (deliberately, from the code as it is).

// ids made in JavaScript come from a seeded generator, so names built from them are stable
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  let state = 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, "0");
  };
  const randomUUID = () => {
    const h = next() + next() + next() + next();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}` as `${string}-${string}-${string}-${string}-${string}`;
  };
  return { ...real, default: { ...real, randomUUID }, randomUUID };
});

const dir = path.join(import.meta.dirname);
const kind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
const own = path.join(dir, `recording.${kind}.json`);
const file = fs.existsSync(own) || process.env.REPLAY_RECORD ? own : path.join(dir, "recording.pglite.json");

describe("replay", () => {
  it("answers every route as recorded", { timeout: 300_000 }, async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-03-04T10:00:00.000Z") });
    const { runScenario, serialise } = await import("./scenario");
    let xs;
    try {
      xs = await runScenario();
    } finally {
      vi.useRealTimers();
    }
    if (process.env.REPLAY_RECORD) {
      fs.writeFileSync(own, serialise(xs));
      return;
    }
    const recorded = JSON.parse(fs.readFileSync(file, "utf8")) as typeof xs;
    expect(xs.map((x) => x.call)).toEqual(recorded.map((x) => x.call));
    const differing = xs.filter((x, i) => JSON.stringify(x) !== JSON.stringify(recorded[i]));
    expect(differing.map((x) => x.call), "answers that changed").toEqual([]);
    expect(serialise(xs)).toBe(fs.readFileSync(file, "utf8"));
  });
});
