// GET, PUT, DELETE /v1/users/{userId}/avatar – read a user's picture; set or remove it (self, or an admin)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { imageResponse } from "@/lib/http/image-response";
import { readMultipart } from "@/lib/http/multipart";
import { AppError, invalidField } from "@/lib/errors";
import { readAvatar, removeAvatar, setAvatar, MAX_AVATAR_BYTES, userView } from "@/lib/services/accounts";
import { userResponse } from "@/lib/validation/account-responses";
import { uuid } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

const params = z.object({ userId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Fetch a user's picture (a 256×256 WebP); any signed-in member of the user's organisation may, anyone else gets 404",
  handler: async ({ db, caller, params }) => {
    const { data, contentType } = await readAvatar(db, caller, params.userId);
    return imageResponse(data, contentType, `${params.userId}.webp`);
  },
});

// Room for the multipart boundaries and headers next to the largest picture.
const MAX_FORM_BYTES = MAX_AVATAR_BYTES + 16 * 1024;

export const PUT = v1Route({
  scope: "users:write",
  params,
  rawBody: true,
  maxBodyBytes: MAX_FORM_BYTES,
  form: z.object({ file: z.file().describe(`PNG, JPEG or WebP (by content), at most ${MAX_AVATAR_BYTES} bytes`) }),
  summary: "Set a user's picture (multipart: file, a PNG, JPEG or WebP of at most 2 MB, stored as 256×256 WebP); the user themself or an admin",
  response: userResponse,
  handler: async ({ req, db, caller, params }) => {
    const form = await readMultipart(req, MAX_FORM_BYTES);
    const file = form.get("file");
    if (!(file instanceof Blob)) throw invalidField("body.file", "is required (an image file part)");
    if (file.size > MAX_AVATAR_BYTES) throw new AppError("payload_too_large", `body.file: larger than ${MAX_AVATAR_BYTES} bytes`, { field: "body.file" });
    return userView(await setAvatar(db, caller, params.userId, Buffer.from(await file.arrayBuffer())));
  },
});

export const DELETE = v1Route({
  scope: "users:write",
  params,
  summary: "Remove a user's picture; the user themself or an admin",
  response: userResponse,
  handler: async ({ db, caller, params }) => userView(await removeAvatar(db, caller, params.userId)),
});
