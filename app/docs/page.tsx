import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";

export const metadata: Metadata = { title: "API reference — Timebase" };

// GET /docs – the interactive API reference (Scalar, served from this app) of /api/openapi.json
export default function DocsPage() {
  return (
    <main className="min-h-screen">
      <nav aria-label="Reference" className="flex flex-wrap items-center gap-4 border-b border-border px-4 py-2 text-sm">
        <span className="font-semibold">Timebase API reference</span>
        <a className="underline" href="/docs/summary">
          All paths on one page
        </a>
        <a className="underline" href="/api/openapi.json">
          OpenAPI document
        </a>
      </nav>
      <ApiReference specUrl="/api/openapi.json" />
    </main>
  );
}
