import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { screenshots } from "@/db/schema";
import { GET as list, POST as upload } from "@/app/api/timesheet/screenshot/route";
import { GET as fileRoute } from "@/app/api/timesheet/screenshot/[id]/file/route";
import { GET as thumbRoute } from "@/app/api/timesheet/screenshot/[id]/thumb/route";
import { call, db, type CallResult } from "../helpers";

export { list, upload, fileRoute, thumbRoute };

/** A small image with a pattern (so a blur visibly changes it). */
export async function patternImage(format: "png" | "jpeg" | "webp" = "png", width = 64, height = 48): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const on = (Math.floor(x / 4) + Math.floor(y / 4)) % 2 === 0;
      const i = (y * width + x) * 3;
      raw[i] = on ? 255 : 0;
      raw[i + 1] = on ? 255 : 20;
      raw[i + 2] = on ? 255 : 40;
    }
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } });
  return format === "png" ? img.png().toBuffer() : format === "jpeg" ? img.jpeg({ quality: 95 }).toBuffer() : img.webp({ lossless: true }).toBuffer();
}

/** An instant `minutes` ago, whole seconds, as ISO. */
// One fixed "now" per file (a whole minute, in the past), so instants computed at different
// moments of a test still line up exactly.
const base = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
export function ago(minutes: number): string {
  return new Date(base - minutes * 60_000).toISOString();
}

export interface UploadFields {
  file?: Buffer | string;
  filename?: string;
  type?: string;
  recordedAt?: string;
  timeSlotId?: string;
}

export function form(f: UploadFields): FormData {
  const fd = new FormData();
  if (f.file !== undefined) {
    const bytes = typeof f.file === "string" ? Buffer.from(f.file) : f.file;
    fd.append("file", new Blob([new Uint8Array(bytes)], { type: f.type ?? "image/png" }), f.filename ?? "screen.png");
  }
  if (f.recordedAt !== undefined) fd.append("recordedAt", f.recordedAt);
  if (f.timeSlotId !== undefined) fd.append("timeSlotId", f.timeSlotId);
  return fd;
}

export function uploadAs(token: string, f: UploadFields): Promise<CallResult> {
  return call(upload, "POST", "/api/timesheet/screenshot", { token, rawBody: form(f) });
}

/** Calls an image route and keeps the body as bytes. */
export async function fetchImage(handler: typeof fileRoute, id: string, token: string | undefined, variant = "file") {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const req = new Request(`http://localhost:3000/api/timesheet/screenshot/${id}/${variant}`, { headers });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export const screenshotDir = () => path.resolve(process.env.SCREENSHOT_DIR!);

/** Every stored object of an organisation on the local disk. */
export function filesOf(orgId: string): string[] {
  const dir = path.join(screenshotDir(), orgId);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

export async function rowsOf(orgId: string, userId?: string) {
  const d = await db();
  return d
    .select()
    .from(screenshots)
    .where(userId ? and(eq(screenshots.organizationId, orgId), eq(screenshots.userId, userId)) : eq(screenshots.organizationId, orgId));
}
