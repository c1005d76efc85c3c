import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";

/** Records who did what; call it inside the same transaction as the change it describes. */
export async function audit(
  db: Db,
  actor: Pick<Caller, "orgId" | "userId"> | { orgId: string; userId: null },
  action: string,
  entity: { type: string; id?: string | null },
  data?: Record<string, unknown>,
): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: actor.orgId,
    actorId: actor.userId,
    action,
    entityType: entity.type,
    entityId: entity.id ?? null,
    data: data ?? null,
  });
}
