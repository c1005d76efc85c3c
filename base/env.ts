import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Read and validated once; a bad value stops the start with a message naming the variable.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  DATA_DIR: z.string().min(1).default(".data"),
  // unset: links and same-origin checks use the request's own origin (lib/http/origin.ts)
  APP_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // how many proxies in front of the app append to X-Forwarded-For (0: reached directly, ignore the header)
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(1),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Super users are designated by user id (or the database flag set by `npm run superuser`),
  // never by an e-mail address, which users choose. The old SUPER_USER_EMAILS is ignored.
  SUPER_USER_IDS: z
    .string()
    .default("")
    .refine((v) => v.split(",").every((x) => x.trim() === "" || UUID.test(x.trim())), "must be comma-separated user ids (UUIDs)"),
  SUPER_USER_EMAILS: z.string().optional(),
  UPLOADTHING_TOKEN: z.string().optional(),
  SCREENSHOT_DIR: z.string().min(1).default(".data/screenshots"),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** Tests that change process.env read it again. */
export function resetEnvCache(): void {
  cached = undefined;
}
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

let warned = false;

/** The user ids of SUPER_USER_IDS (lower-cased). */
export function superUserIds(): Set<string> {
  const e = env();
  if (e.SUPER_USER_EMAILS && !warned) {
    warned = true;
    console.warn(
      JSON.stringify({
        level: "warn",
        time: new Date().toISOString(),
        msg: "SUPER_USER_EMAILS is ignored: e-mail addresses can be chosen by users. Use `npm run superuser -- grant EMAIL` or SUPER_USER_IDS.",
      }),
    );
  }
  return new Set(
    e.SUPER_USER_IDS.split(",")
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean),
  );
}
