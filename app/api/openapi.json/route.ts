// GET /api/openapi.json – the OpenAPI 3.1 document of every API route
import { timesheetRoute, type RouteHandler } from "@/lib/http/handler";
import { buildOpenApi } from "@/lib/openapi/build";
import { env } from "@/base/env";
import { appOrigin } from "@/lib/http/origin";
import { routeTable } from "../../routes.generated";

export const dynamic = "force-dynamic";

let cached: Record<string, unknown> | undefined;

// Annotated: the route table imports this module too.
export const GET: RouteHandler = timesheetRoute({
  auth: "none",
  handler: async ({ req }): Promise<unknown> => {
    cached ??= buildOpenApi(routeTable) as Record<string, unknown>;
    // servers first, as buildOpenApi orders it: APP_URL, or the origin this request reached
    const { openapi, info, ...rest } = cached;
    return { openapi, info, servers: [{ url: env().APP_URL ?? appOrigin(req) }], ...rest };
  },
});
