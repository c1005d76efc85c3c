import type { Metadata } from "next";
import { buildOpenApi } from "@/lib/openapi/build";
import { routeTable } from "../../routes.generated";

export const metadata: Metadata = { title: "API summary — Timebase" };
export const dynamic = "force-dynamic";

type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  security: unknown[];
  "x-permission"?: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
};

const methodColors: Record<string, string> = {
  get: "bg-blue-100 text-blue-900",
  post: "bg-green-100 text-green-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

// GET /docs/summary – every path with its one-line summary, from the same OpenAPI document as /api/openapi.json
export default function DocsSummaryPage() {
  const doc = buildOpenApi(routeTable);
  const byTag = new Map<string, Array<{ path: string; method: string; op: Operation }>>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      const tag = op.tags[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ path, method, op });
    }
  }
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{doc.info.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted-foreground">
        Authenticate with <code>Authorization: Bearer &lt;accessToken&gt;</code> from <code>POST /v1/auth/login</code>, or
        an API key exchanged at <code>POST /v1/auth/api-key/login</code>. The machine-readable document is at{" "}
        <a className="underline" href="/api/openapi.json">
          /api/openapi.json
        </a>
        ; the interactive reference, with schemas, examples and a request console, is at{" "}
        <a className="underline" href="/docs">
          /docs
        </a>
        .
      </p>
      <nav aria-label="API families" className="mt-6 flex flex-wrap gap-2">
        {[...byTag.keys()].map((tag) => (
          <a key={tag} href={`#${encodeURIComponent(tag)}`} className="rounded-md border border-border px-3 py-1 text-sm hover:bg-muted">
            {tag}
          </a>
        ))}
      </nav>
      {[...byTag.entries()].map(([tag, ops]) => (
        <section key={tag} id={encodeURIComponent(tag)} className="mt-10">
          <h2 className="text-xl font-semibold">{tag}</h2>
          <ul className="mt-4 space-y-3">
            {ops.map(({ path, method, op }) => (
              <li key={op.operationId} className="rounded-lg border border-border">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${methodColors[method] ?? ""}`}>{method}</span>
                    <code className="font-mono text-sm">{path}</code>
                    <span className="text-sm text-muted-foreground">{op.summary}</span>
                    {op.security.length === 0 ? <span className="text-xs text-muted-foreground">(no sign-in)</span> : null}
                    {op["x-permission"] ? <span className="text-xs text-muted-foreground">needs {op["x-permission"]}</span> : null}
                  </summary>
                  <div className="space-y-3 border-t border-border px-4 py-3 text-sm">
                    {op.parameters.length > 0 ? (
                      <table className="w-full text-left">
                        <thead>
                          <tr className="text-muted-foreground">
                            <th className="py-1 font-medium">parameter</th>
                            <th className="py-1 font-medium">in</th>
                            <th className="py-1 font-medium">schema</th>
                          </tr>
                        </thead>
                        <tbody>
                          {op.parameters.map((p) => (
                            <tr key={`${p.in}:${p.name}`}>
                              <td className="py-1 font-mono">
                                {p.name}
                                {p.required ? " *" : ""}
                              </td>
                              <td className="py-1">{p.in}</td>
                              <td className="py-1 font-mono text-xs">{JSON.stringify(p.schema)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : null}
                    {op.requestBody
                      ? Object.entries(op.requestBody.content).map(([type, c]) => (
                          <div key={type}>
                            <div className="font-medium">Body ({type})</div>
                            <pre className="mt-1 overflow-x-auto rounded bg-muted p-2 text-xs">{JSON.stringify(c.schema, null, 2)}</pre>
                          </div>
                        ))
                      : null}
                    <div>
                      <div className="font-medium">Responses</div>
                      <ul className="mt-1">
                        {Object.entries(op.responses).map(([code, r]) => (
                          <li key={code}>
                            <span className="font-mono">{code}</span> {r.description}
                          </li>
                        ))}
                      </ul>
                    </div>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
