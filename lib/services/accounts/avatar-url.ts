import type { User } from "@/db/schema";
import { appUrl } from "@/lib/links";
import { avatarVersionOf } from "@/lib/storage/keys";

/** The fields of a user row that decide its picture's address. */
export type AvatarFields = Pick<User, "id" | "avatarKey" | "profilePicUrl">;

/**
 * `profilePicUrl` of every view: the authorised route of the uploaded avatar, versioned by its key
 * so a new picture is never served from a cache; else an address given from outside; else null.
 */
export function profilePicUrlOf(u: AvatarFields): string | null {
  if (u.avatarKey) return appUrl(`/v1/users/${u.id}/avatar?v=${avatarVersionOf(u.avatarKey)}`);
  return u.profilePicUrl ?? null;
}
