import { pathToFileURL } from "node:url";
import { and, asc, eq } from "drizzle-orm";
import { getDbHandle, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { now } from "@/base/clock";
import { findUserByEmail } from "@/lib/services/accounts";

// npm run superuser -- grant EMAIL | revoke EMAIL | list
// Super users read across organisations. They are designated only by this command (the
// users.is_super_user flag) or by SUPER_USER_IDS, never by an e-mail address users choose:
// the e-mail here only finds an existing account, whose id the flag then belongs to.
// With the embedded database, run it while the server is stopped (PGlite is one process).

export interface CommandResult {
  code: number;
  lines: string[];
}

const USAGE = "usage: npm run superuser -- grant EMAIL | revoke EMAIL | list";

export async function superuserCommand(db: Db, args: readonly string[]): Promise<CommandResult> {
  const [action, email, ...rest] = args;
  if (action === "list" && email === undefined) {
    const rows = await db
      .select({ id: users.id, email: users.email, orgId: users.organizationId })
      .from(users)
      .where(eq(users.isSuperUser, true))
      .orderBy(asc(users.email));
    return { code: 0, lines: rows.length ? rows.map((r) => `${r.email}\t${r.id}\t(org ${r.orgId})`) : ["no super users (SUPER_USER_IDS may name more)"] };
  }
  if ((action !== "grant" && action !== "revoke") || !email || rest.length > 0) return { code: 2, lines: [USAGE] };
  const user = await findUserByEmail(db, email.trim());
  if (!user) return { code: 1, lines: [`no user has the e-mail ${email}; nothing changed`] };
  const flag = action === "grant";
  await db
    .update(users)
    .set({ isSuperUser: flag, updatedAt: now() })
    .where(and(eq(users.organizationId, user.organizationId), eq(users.id, user.id)));
  return { code: 0, lines: [`${flag ? "granted" : "revoked"} super user: ${user.email} (${user.id})`] };
}

async function main() {
  const handle = await getDbHandle();
  try {
    const result = await superuserCommand(handle.db, process.argv.slice(2));
    for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
    process.exitCode = result.code;
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
