// ESLint flat config. The engine-purity block is the one that matters most: app/engine must stay a
// pure library (data in, data out) so it runs the same in the callback, the CLI, tests and benches.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const ENGINE_FORBIDDEN_PATTERNS = [
  { group: ["@remix-run/*"], message: "app/engine is pure: no Remix." },
  { group: ["@shopify/*"], message: "app/engine is pure: no Shopify libraries." },
  { group: ["@prisma/*", "prisma"], message: "app/engine is pure: no database." },
  { group: ["**/routes/*", "**/routes", "~/routes/*"], message: "app/engine must not reach routes." },
  { group: ["**/services/*", "**/services", "~/services/*"], message: "app/engine must not reach services." },
  {
    group: ["*.server", "**/*.server", "*.server.*", "**/*.server.*"],
    message: "app/engine must not import server modules.",
  },
  {
    group: ["node:fs", "fs", "node:fs/*", "fs/*", "node:http", "http", "node:https", "https", "node:net"],
    message: "app/engine does no I/O.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      ".tools/",
      ".cache/",
      ".builds/",
      "tests/artifacts/",
      "extensions/*/dist/",
      "coverage/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Response: "readonly",
        Request: "readonly",
        Headers: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Two generated Prisma clients (SQLite, PostgreSQL) with two runtimes: their error classes and Json null
    // sentinels differ, so server code uses the provider-neutral helpers (docs/database.md).
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts"],
    ignores: ["app/db-portable.server.ts", "app/engine/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.name='Prisma'][property.name=/^(DbNull|JsonNull|AnyNull|PrismaClientKnownRequestError)$/]",
          message:
            "Only the SQLite client understands this; use isUniqueConstraintViolation / jsonDbNull from app/db-portable.server.ts.",
        },
      ],
    },
  },
  {
    files: ["app/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ENGINE_FORBIDDEN_PATTERNS }],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "app/engine is pure: pass configuration in, never read process.env." },
        { name: "fetch", message: "app/engine does no I/O." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "app/engine takes `now` as an input.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "app/engine takes `now` as an input.",
        },
      ],
    },
  },
);
