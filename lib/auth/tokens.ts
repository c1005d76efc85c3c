import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Opaque tokens that carry their own routing: <prefix>_<base64url(org id | row id | secret)>.
// The lookup is by (organization_id, id), the primary key; only SHA-256 hashes are stored.
export type TokenKind = "access" | "refresh" | "apiKey" | "invite" | "setPassword";

const prefixes: Record<TokenKind, string> = {
  access: "tbat",
  refresh: "tbrt",
  apiKey: "tb",
  invite: "tbin",
  setPassword: "tbsp",
};

const SECRET_BYTES: Record<TokenKind, number> = { access: 32, refresh: 32, apiKey: 24, invite: 32, setPassword: 32 };

function uuidToBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ""), "hex");
}

function bytesToUuid(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function issueToken(kind: TokenKind, orgId: string, rowId: string): string {
  const body = Buffer.concat([uuidToBytes(orgId), uuidToBytes(rowId), randomBytes(SECRET_BYTES[kind])]);
  return `${prefixes[kind]}_${body.toString("base64url")}`;
}

export interface ParsedToken {
  orgId: string;
  id: string;
}

/** Returns null for anything that is not a well-formed token of this kind. */
export function parseToken(kind: TokenKind, token: string): ParsedToken | null {
  const prefix = `${prefixes[kind]}_`;
  if (!token.startsWith(prefix) || token.length > 200) return null;
  const rest = token.slice(prefix.length);
  if (!/^[A-Za-z0-9_-]+$/.test(rest)) return null;
  const body = Buffer.from(rest, "base64url");
  if (body.length !== 32 + SECRET_BYTES[kind]) return null;
  return { orgId: bytesToUuid(body.subarray(0, 16)), id: bytesToUuid(body.subarray(16, 32)) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function hashesEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
