"use client";

import { useEffect, useRef, useState } from "react";

// Scalar's standalone renderer, loaded from this app (public/vendor, copied from node_modules by
// next.config.ts). Configured to reach no other host: no fonts, no proxy, no telemetry, no AI
// agent, no MCP; requests sent from the console go straight to this API.
const BUNDLE = "/vendor/scalar-api-reference.js";

type ScalarInstance = { destroy: () => void };
type ScalarGlobal = { createApiReference: (el: Element, config: Record<string, unknown>) => ScalarInstance };

function loadBundle(): Promise<ScalarGlobal> {
  const w = window as unknown as { Scalar?: ScalarGlobal };
  if (w.Scalar) return Promise.resolve(w.Scalar);
  return new Promise((resolve, reject) => {
    const existing = document.querySelector<HTMLScriptElement>(`script[src="${BUNDLE}"]`);
    const script = existing ?? Object.assign(document.createElement("script"), { src: BUNDLE, async: true });
    script.addEventListener("load", () => (w.Scalar ? resolve(w.Scalar) : reject(new Error("renderer missing"))));
    script.addEventListener("error", () => reject(new Error("renderer failed to load")));
    if (!existing) document.body.appendChild(script);
  });
}

export function ApiReference({ specUrl }: { specUrl: string }) {
  const mount = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let instance: ScalarInstance | null = null;
    let cancelled = false;
    loadBundle()
      .then((scalar) => {
        if (cancelled || !mount.current) return;
        instance = scalar.createApiReference(mount.current, {
          url: specUrl,
          withDefaultFonts: false,
          telemetry: false,
          agent: { disabled: true },
          mcp: { disabled: true },
          showDeveloperTools: "never",
          hideClientButton: false,
          persistAuth: false,
          documentDownloadType: "json",
          authentication: { preferredSecurityScheme: "bearerAuth" },
          // no proxyUrl: the console calls this API directly (same origin)
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, [specUrl]);

  return (
    <>
      {failed ? (
        <p role="alert" className="p-4 text-sm">
          The interactive reference could not be loaded. The list of paths is at <a className="underline" href="/docs/summary">/docs/summary</a>.
        </p>
      ) : null}
      <div ref={mount} data-testid="api-reference" />
    </>
  );
}
