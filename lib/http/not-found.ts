import { AppError } from "@/lib/errors";
import { route } from "./handler";

// Unknown paths under /v1 and /api answer a JSON 404 in their family's envelope.
const notFound = route({
  auth: "none",
  handler: async ({ req }) => {
    throw new AppError("not_found", `No route for ${req.method} ${new URL(req.url).pathname}`);
  },
});

export const catchAll = { GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound };
