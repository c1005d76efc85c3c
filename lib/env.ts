import { z } from "zod";

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
  SUPER_USER_EMAILS: z.string().default(""),
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
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function superUserEmails(): Set<string> {
  return new Set(
    env()
      .SUPER_USER_EMAILS.split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  );
}
