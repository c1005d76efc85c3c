import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  { ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "e2e/artifacts/**", "next-env.d.ts", "bench/.data/**", "public/vendor/**"] },
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // update/delete without a where clause would touch every tenant's rows
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "d"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "d"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The time-entry core (lib/services/tracking/time-entries/) is the only writer of `time_entries`: every
    // other module goes through its API, so the user lock, the sheet lock rule and the agent-entry
    // audit apply to every write. Allowed to write directly: the seed (scripts/seed.ts) and the bench
    // data generators (bench/**), which load bulk data for speed, and tests' fixtures (test/**, e2e/**).
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["lib/services/tracking/time-entries/**", "scripts/seed.ts", "bench/**", "test/**", "e2e/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(insert|update|delete)$/]:matches([arguments.0.name='timeEntries'], [arguments.0.property.name='timeEntries'])",
          message: "Only the time-entry core (lib/services/tracking/time-entries) writes time_entries: call its API (createEntry, updateEntry, deleteEntry, …).",
        },
        {
          selector: "TemplateElement[value.raw=/(insert\\s+into|update|delete\\s+from)\\s+\"?time_entries\\b/i]",
          message: "Only the time-entry core (lib/services/tracking/time-entries) writes time_entries: call its API instead of SQL.",
        },
      ],
    },
  },
  // The layers (README, "Architecture"): base/ (environment, clock) imports nothing of the app;
  // db/ only base/; lib/ never app/ or components/; components/ never app/, db/ or services (client
  // components get their types from lib/validation). Outside lib/services a domain is reached
  // through its index.ts, its public face.
  {
    files: ["base/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^@/(?!base/)", message: "base/ is the bottom layer: it imports nothing of the app." }] }] },
  },
  {
    files: ["db/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^@/(?!base/|db/)", message: "db/ imports only base/ (the environment and the clock)." }] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/services/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/app/*", "@/components/*"], message: "lib/ is below app/ and components/." },
        { group: ["@/lib/services/*/*"], message: "Import a service domain through its index (@/lib/services/<domain>)." },
      ] }],
    },
  },
  {
    files: ["lib/services/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib/ is below app/ and components/." }] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/app/*", "@/db/*", "@/lib/services/*"], message: "components/ holds client and presentational code: pages (app/) read services and pass data down." },
      ] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/services/*/*"], message: "Import a service domain through its index (@/lib/services/<domain>)." }] }] },
  },
  {
    files: ["test/**", "e2e/**", "bench/**"],
    // Playwright fixtures call their continuation `use`, which is not React's hook
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
