import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { assertTeamsReadable, assertUsersReadable, type Caller } from "@/lib/auth/permissions";
import { uuidArray } from "@/db/sql";
import { profilePicUrlOf } from "@/lib/services/accounts/avatar-url";

// Who a dashboard request is about: the requested users plus the members of the requested
// teams, after checking the caller may read each of them (unknown or foreign → 404, not
// readable → 403). Team members whose account is deactivated are left out; a user asked
// for by id is always included.

export interface AudienceUser {
  userId: string;
  name: string;
  profilePicUrl: string | null;
}

export interface Selection {
  userId: string[];
  teamId: string[];
}

export async function assertSelectionReadable(db: Db, caller: Caller, sel: Selection): Promise<void> {
  await assertUsersReadable(db, caller, sel.userId);
  await assertTeamsReadable(db, caller, sel.teamId);
}

/** The selected users ordered by name, optionally one page of them, with the count of all. */
export async function selectAudience(
  db: Db,
  orgId: string,
  sel: Selection,
  page?: { offset: number; limit: number },
): Promise<{ users: AudienceUser[]; total: number }> {
  const selected = sql`u.organization_id = ${orgId}
    and (u.id = any(${uuidArray(sel.userId)})
         or (u.deactivated_at is null and u.id in (
           select tm.user_id from team_members tm where tm.organization_id = ${orgId} and tm.team_id = any(${uuidArray(sel.teamId)}))))`;
  const rows = rowsOf<{ user_id: string; name: string; profile_pic_url: string | null; avatar_key: string | null; total: number | string }>(
    await db.execute(sql`
      select u.id as user_id, coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.email) as name,
             u.profile_pic_url, u.avatar_key, count(*) over () as total
      from users u
      where ${selected}
      order by lower(coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.email)), u.id
      ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`),
  );
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (page && rows.length === 0 && page.offset > 0) {
    // past the last page: still report how many users the selection holds
    const [c] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from users u where ${selected}`));
    total = Number(c?.n ?? 0);
  }
  return { users: rows.map((r) => ({ userId: r.user_id, name: r.name, profilePicUrl: profilePicUrlOf({ id: r.user_id, avatarKey: r.avatar_key, profilePicUrl: r.profile_pic_url }) })), total };
}
