import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";

// argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1). The PHC string records the
// parameters, so raising them later still verifies older hashes.
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Frequent choices that pass the length rule (from public breach top lists); compared
// case-insensitively. Shorter common passwords are already refused by the length.
const COMMON = new Set(
  [
    "123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123", "111111111111",
    "000000000000", "112233445566", "987654321098", "147258369147", "qwertyuiop12", "qwertyuiopas",
    "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qazwsxedcrfv", "zaq12wsxcde3",
    "asdfghjkl123", "asdfasdfasdf", "password1234", "password12345", "password123!", "password!234",
    "passwordpassword", "password1password", "p@ssw0rd1234", "passw0rd1234", "mypassword12", "mypassword123",
    "iloveyou1234", "iloveyouiloveyou", "letmein12345", "letmeinletmein", "welcome12345", "welcome123456",
    "welcome2024!", "welcome2025!", "welcome2026!", "changeme1234", "changemenow!", "administrator",
    "administrator1", "admin1234567", "adminadminadmin", "trustno1trustno1", "superman1234", "batman123456",
    "football1234", "baseball1234", "basketball12", "starwars1234", "sunshine1234", "princess1234",
    "dragon123456", "monkey123456", "master123456", "shadow123456", "michael12345", "jennifer1234",
    "abc123abc123", "abcdefghijkl", "abcdef123456", "1234abcd1234", "thisismypassword", "correcthorsebatterystaple",
    "secretpassword", "supersecret123", "qwerty1234567", "computer1234", "internet1234", "timebase1234",
    "timebase12345", "timetracking", "summer202020", "winter202020", "spring202020", "autumn202020",
  ].map((p) => p.toLowerCase()),
);

/** Refuses a password that is too short, too long, common, or one repeated character. */
export function assertPasswordPolicy(password: string, context: { email?: string; field?: string } = {}): void {
  const field = context.field ?? "password";
  const fail = (why: string) => new AppError("weak_password", `${field}: ${why}`, { field });
  if (password.length < PASSWORD_MIN) throw fail(`must be at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) throw fail(`must be at most ${PASSWORD_MAX} characters`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) throw fail("is too common; choose a less predictable password");
  if (context.email && lower === context.email.toLowerCase()) throw fail("must not be your e-mail address");
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of a real verification when there is no hash to check (unknown e-mail,
 * no password yet), so a login answers alike and as fast for every wrong combination.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummy, password);
  return false;
}
