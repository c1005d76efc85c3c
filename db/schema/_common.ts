import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

// Every tenant table leads its keys with the organisation, so the data can be
// distributed by organisation (Citus) without a redesign.
export const orgId = () => uuid("organization_id").notNull();
export const id = () => uuid("id").notNull().default(sql`gen_random_uuid()`);
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => tstz("created_at").notNull().defaultNow();
export const updatedAt = () => tstz("updated_at").notNull().defaultNow();
