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
    // The time-entry core (lib/services/time-entries/) is the only writer of `time_entries`: every
    // other module goes through its API, so the user lock, the sheet lock rule and the agent-entry
    // audit apply to every write. Allowed to write directly: the seed (db/seed.ts) and the bench
    // data generators (bench/**), which load bulk data for speed, and tests' fixtures (test/**, e2e/**).
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["lib/services/time-entries/**", "db/seed.ts", "bench/**", "test/**", "e2e/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(insert|update|delete)$/]:matches([arguments.0.name='timeEntries'], [arguments.0.property.name='timeEntries'])",
          message: "Only the time-entry core (lib/services/time-entries) writes time_entries: call its API (createEntry, updateEntry, deleteEntry, …).",
        },
        {
          selector: "TemplateElement[value.raw=/(insert\\s+into|update|delete\\s+from)\\s+\"?time_entries\\b/i]",
          message: "Only the time-entry core (lib/services/time-entries) writes time_entries: call its API instead of SQL.",
        },
      ],
    },
  },
  {
    files: ["test/**", "e2e/**", "bench/**"],
    // Playwright fixtures call their continuation `use`, which is not React's hook
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
