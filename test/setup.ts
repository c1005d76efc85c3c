import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { setDbHandle, type DbHandle } from "@/db/client";
import { setClock } from "@/base/clock";
import { createTestDatabase } from "./db";

// Each test file gets its own database (and data folder); tests inside it make their own organisations.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "timebase-test-"));
process.env.DATA_DIR = dataDir;
process.env.SCREENSHOT_DIR = path.join(dataDir, "screenshots");

let handle: DbHandle | undefined;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDbHandle(handle);
});

afterAll(async () => {
  setClock(null);
  setDbHandle(undefined);
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
