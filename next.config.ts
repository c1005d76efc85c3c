import type { NextConfig } from "next";

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

// Screenshot files are user-supplied bytes: their own sandbox policy (lib/http/image-response.ts
// FILE_CSP) must not be replaced by the app's, so the app's CSP skips these two paths.
const FILE_ROUTES = "/api/timesheet/screenshot/:id/:kind(file|thumb)";
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
      { source: "/:path((?!api/timesheet/screenshot/[^/]+/(?:file|thumb)/?$).*)", headers: securityHeaders },
      { source: FILE_ROUTES, headers: fileHeaders },
    ];
  },
};

export default nextConfig;
