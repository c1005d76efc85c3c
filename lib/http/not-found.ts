import { AppError } from "@/lib/errors";
import { route } from "./handler";

// Unknown paths under /v1 and /api answer a JSON 404 in their family's envelope.
const notFound = route({
  // the one place a family comes from the URL: these answer for every family
  family: "by-url",
  auth: "none",
  handler: async ({ req }) => {
    throw new AppError("not_found", `No route for ${req.method} ${new URL(req.url).pathname}`);
  },
});

export const catchAll = { GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound };
