import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { assertObjectKey } from "./keys";
import type { ObjectStorage } from "./types";

/**
 * Screenshots in a folder of the local disk. Keys are checked against the one key format and
 * the resolved path must stay inside the folder, so no key can reach another file.
 */
export function createLocalStorage(root: string): ObjectStorage {
  const base = path.resolve(root);

  function pathOf(key: string): string {
    assertObjectKey(key);
    const full = path.resolve(base, ...key.split("/"));
    if (!full.startsWith(base + path.sep)) throw new Error("Invalid storage key");
    return full;
  }

  return {
    provider: "local",

    async put(key, data) {
      const file = pathOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written aside and renamed into place, so a reader never sees half a file. Keys are
      // fresh random ids, so the rename never replaces another object.
      const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await fs.writeFile(tmp, data, { mode: 0o600, flag: "wx" });
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },

    async get(key) {
      try {
        return await fs.readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },

    async delete(keys) {
      for (const key of keys) await fs.rm(pathOf(key), { force: true });
    },
  };
}
