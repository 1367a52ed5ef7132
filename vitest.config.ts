import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.{ts,tsx}", "app/**/__tests__/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    // Integration suites migrate their own SQLite files; running files in parallel is safe.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
