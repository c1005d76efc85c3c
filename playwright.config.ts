import { defineConfig, devices } from "@playwright/test";

// End-to-end specs run in Debian's Chromium against the built app on a fresh PGlite folder.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
const dataDir = `.data/e2e-${PORT}`;
// E2E_DEV=1 serves with `next dev` (no build) while iterating on specs; CI builds and starts.
const serve = process.env.E2E_DEV === "1" ? `npx next dev -p ${PORT}` : `npx next build && npx next start -p ${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `rm -rf ${dataDir} && ${serve}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    env: {
      PGLITE_DIR: `${dataDir}/pglite`,
      DATA_DIR: dataDir,
      SCREENSHOT_DIR: `${dataDir}/screenshots`,
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      LOG_LEVEL: "error",
      NEXT_TELEMETRY_DISABLED: "1",
      // npm test runs tsc on its own; the e2e build need not type-check again
      SKIP_BUILD_TYPECHECK: "1",
    },
  },
});
