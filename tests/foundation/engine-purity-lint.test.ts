import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The engine must stay pure; the lint rule is what keeps it so. Lint in-memory sources as if they
// lived in app/engine, through the project's real eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function engineLintMessages(source: string, filePath = "app/engine/routing/example.ts") {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("engine purity lint rule", () => {
  it.each([
    ['import { json } from "@remix-run/node";', /no Remix/],
    ['import { shopifyApp } from "@shopify/shopify-app-remix/server";', /no Shopify/],
    ['import { PrismaClient } from "@prisma/client";', /no database/],
    ['import db from "../../db.server";', /server modules/],
    ['import { x } from "../../services/routing";', /services/],
    ['import { readFileSync } from "node:fs";', /no I\/O/],
  ])("rejects %s inside app/engine", async (line, reason) => {
    const messages = await engineLintMessages(`${line}\n`);
    expect(messages.some((m) => m.startsWith("no-restricted-imports") && reason.test(m))).toBe(true);
  });

  it("rejects reading the clock or the environment inside app/engine", async () => {
    const messages = await engineLintMessages(
      "export const t = Date.now();\nexport const e = process.env.X;\n",
    );
    expect(messages.some((m) => m.startsWith("no-restricted-syntax"))).toBe(true);
    expect(messages.some((m) => m.startsWith("no-restricted-globals"))).toBe(true);
  });

  it("allows the same imports outside the engine", async () => {
    const messages = await engineLintMessages(
      'import { json } from "@remix-run/node";\nexport const used = [json];\n',
      "app/routes/example.ts",
    );
    expect(messages).toEqual([]);
  });
});
