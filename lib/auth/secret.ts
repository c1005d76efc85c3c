import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/base/env";

// AUTH_SECRET signs the web session cookie. Without one (the embedded default), a random
// secret is created once in the data folder so a fresh checkout runs with no set-up.
let cached: string | undefined;
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.AUTH_SECRET) return (cached = e.AUTH_SECRET);
  const file = path.resolve(e.DATA_DIR, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    } catch {
      // another process wrote it first
    }
    cached = fs.readFileSync(file, "utf8").trim();
  }
  return cached;
}
