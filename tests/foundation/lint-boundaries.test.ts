import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The boundaries the project's real eslint.config.js enforces, each shown firing on in-memory sources linted as if
// they lived at a path: the engine stays pure, demo-only code stays out of production paths, routes reach the
// database only through services. One file and one ESLint instance for the three: loading ESLint and its plugins
// costs a test process about 3 s of CPU, paid once here instead of once per rule (docs/testing.md, "Speed").
const eslint = new ESLint({ cwd: process.cwd() });

// The engine must stay pure; the lint rule is what keeps it so.

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

// Demo-only code stays out of production paths.

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

// Routes reach the database only through services (docs/admin.md); the lint rule is what keeps it so.

async function routeLintMessages(source: string, filePath = "app/routes/app.example.tsx") {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const routeDbRule = (messages: string[], rule: string) =>
  messages.some((m) => m.startsWith(rule) && /only through services/.test(m));

describe("routes reach the database only through services (lint rule)", () => {
  it.each([
    'import db from "../db.server";',
    'import db from "~/db.server";',
    'import db from "../../db.server";',
    'import { jsonDbNull } from "../db/portable.server";',
    'import { databaseUrl } from "~/db/database-url";',
    'import { PrismaClient } from "@prisma/client";',
    'import type { PrismaClient } from "@prisma/client";',
  ])("rejects %s in a route", async (line) => {
    const messages = await routeLintMessages(`${line}\nexport const used = 1;\n`);
    expect(routeDbRule(messages, "no-restricted-imports")).toBe(true);
  });

  it.each([
    "db.session.updateMany({ where: { id }, data: {} })",
    "prisma.warehouse.findMany({ where: { shop } })",
    "context.db.shop.findUnique({ where: { shop } })",
    "tx.routingDecision.count()",
    "db.carrierService.upsert({ where: { id }, create: {}, update: {} })",
    "db.rateCard.groupBy({ by: ['shop'] })",
    "db.$queryRaw`SELECT 1`",
    "db.$transaction([])",
  ])("rejects the delegate call %s in a route", async (call) => {
    const messages = await routeLintMessages(
      `export async function loader(db: any, id: string, shop: string, context: any, tx: any, prisma: any) {\n  return ${call};\n}\n`,
    );
    expect(routeDbRule(messages, "no-restricted-syntax")).toBe(true);
  });

  it("keeps the rule that applies to all of app/ (portable Prisma helpers) in routes too", async () => {
    const messages = await routeLintMessages("declare const Prisma: any;\nexport const n = Prisma.DbNull;\n");
    expect(messages.some((m) => m.startsWith("no-restricted-syntax") && /jsonDbNull/.test(m))).toBe(true);
  });

  it("allows what a thin route does: services, contracts, URL and form handling", async () => {
    const messages = await routeLintMessages(
      [
        'import { adminContext } from "../services/admin/admin-context.server";',
        'import { listWarehouses } from "../services/admin/warehouses.server";',
        "export async function loader(request: Request) {",
        "  const { db, shop } = await adminContext(request);",
        "  const url = new URL(request.url);",
        '  url.searchParams.delete("page");',
        '  request.headers.delete("x");',
        "  return { warehouses: await listWarehouses(db, shop), page: url.search };",
        "}",
        "",
      ].join("\n"),
    );
    expect(messages).toEqual([]);
  });

  it("allows the same imports and calls in services", async () => {
    const messages = await routeLintMessages(
      'import db from "../../db.server";\nexport const all = () => db.warehouse.findMany();\n',
      "app/services/admin/example.server.ts",
    );
    expect(messages).toEqual([]);
  });
});

// Upserts that keep an existing row are one INSERT … ON CONFLICT (docs/database.md).

describe("upsert lint rule", () => {
  const upsert = (update: string) =>
    `import type { PrismaClient } from '@prisma/client';\nexport const keep = (db: PrismaClient, shop: string, key: string) =>\n  db.trackingPush.upsert({ where: { shop_key: { shop, key } }, create: { shop, key, shipmentId: 's', kind: 'ORDER_TAG', payload: {} }, update: ${update} });\n`;

  it("rejects an upsert with an empty update in services", async () => {
    const [result] = await eslint.lintText(upsert("{}"), {
      filePath: "app/services/tracking/example.server.ts",
    });
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringMatching(/empty update/)]);
  });

  it("allows the upsert that sets a unique field to itself", async () => {
    const [result] = await eslint.lintText(upsert("{ key }"), {
      filePath: "app/services/tracking/example.server.ts",
    });
    expect(result.messages).toEqual([]);
  });
});
