import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Demo-only code stays out of production paths: lint in-memory sources as if they lived at a path, through the
// project's real eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function demoBoundaryMessages(source: string, filePath: string) {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports" && /app\/demo/.test(m.message))
    .map((m) => m.message);
}

const importDemo = (from: string) =>
  `import { demoShopConfig } from "${from}";\nexport const used = [demoShopConfig];\n`;

describe("demo boundary lint rule", () => {
  it.each([
    ["app/services/shop/example.server.ts", "../../demo/demo-shop-config"],
    ["app/services/order-routing/example.server.ts", "~/demo/seed.server"],
    ["app/server/example.ts", "../demo/sample-pickup-directory"],
    ["app/engine/routing/example.ts", "../../demo/demo-shop-config"],
    // Routes have their own no-restricted-imports block (no database access): it must keep this rule too.
    ["app/routes/app.example.tsx", "../demo/demo-shop-config"],
  ])("rejects an import of app/demo from %s", async (filePath, from) => {
    expect(await demoBoundaryMessages(importDemo(from), filePath)).toHaveLength(1);
  });

  it.each([
    ["app/demo/example.server.ts", "./demo-shop-config"],
    ["app/cli/commands/example.ts", "../../demo/demo-shop-config"],
    ["scripts/example.ts", "../app/demo/demo-shop-config"],
    ["tests/example.test.ts", "../app/demo/demo-shop-config"],
  ])("allows it from %s", async (filePath, from) => {
    expect(await demoBoundaryMessages(importDemo(from), filePath)).toEqual([]);
  });

  it("still applies the routes' own rule beside it", async () => {
    const [result] = await eslint.lintText('import db from "../db.server";\nexport const used = [db];\n', {
      filePath: "app/routes/app.example.tsx",
    });
    expect(result.messages.some((m) => /only through services/.test(m.message))).toBe(true);
  });
});
