import fs from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

// The interactive API reference (/docs) runs Scalar's standalone bundle, served by this app from
// public/vendor (copied from node_modules whenever Next loads this config: dev, build and start),
// so the page loads nothing from another host and works offline.
function vendorScalar(): void {
  const from = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
  const to = path.join(process.cwd(), "public/vendor/scalar-api-reference.js");
  try {
    const src = fs.statSync(from);
    const dst = fs.statSync(to, { throwIfNoEntry: false });
    if (dst && dst.size === src.size && dst.mtimeMs >= src.mtimeMs) return;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  } catch (err) {
    console.warn(`API reference renderer not copied (${(err as Error).message}); /docs will not render`);
  }
}
vendorScalar();

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join("; "),
  },
];

// Screenshot files and profile pictures are user-supplied bytes: their own sandbox policy
// (lib/http/image-response.ts FILE_CSP) must not be replaced by the app's, so the app's CSP
// skips these paths.
const FILE_ROUTES = ["/api/timesheet/screenshot/:id/:kind(file|thumb)", "/v1/users/:id/avatar"];
const fileHeaders = [
  ...securityHeaders.filter((h) => h.key !== "Content-Security-Policy"),
  { key: "Content-Security-Policy", value: "sandbox; default-src 'none'" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403 for pages a role may not see
  experimental: { authInterrupts: true },
  // Playwright reaches `next dev` (E2E_DEV=1) at 127.0.0.1, which Next treats as a foreign
  // origin and would refuse its dev chunks to, so pages would never hydrate
  allowedDevOrigins: ["127.0.0.1"],
  // `npm test` type-checks with tsc first; the e2e build skips repeating it
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  // Native and WASM packages stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp", "postgres"],
  async headers() {
    return [
      { source: "/:path((?!(?:api/timesheet/screenshot/[^/]+/(?:file|thumb)|v1/users/[^/]+/avatar)/?$).*)", headers: securityHeaders },
      ...FILE_ROUTES.map((source) => ({ source, headers: fileHeaders })),
      { source: "/vendor/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=86400" }] },
    ];
  },
};

export default nextConfig;
