// GET /api/openapi.json – the OpenAPI 3.1 document of every API route
import { route, type RouteHandler } from "@/lib/http/handler";
import { buildOpenApi } from "@/lib/openapi/build";
import { env } from "@/lib/env";
import { routeTable } from "../../routes.generated";

export const dynamic = "force-dynamic";

let cached: unknown;

// Annotated: the route table imports this module too.
export const GET: RouteHandler = route({
  auth: "none",
  handler: async (): Promise<unknown> => (cached ??= buildOpenApi(routeTable, { serverUrl: env().APP_URL })),
});
