import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Routes reach the database only through services (docs/admin.md); the lint rule is what keeps it so. Lint
// in-memory sources as if they lived in app/routes, through the project's real eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function lintMessages(source: string, filePath = "app/routes/app.example.tsx") {
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
    const messages = await lintMessages(`${line}\nexport const used = 1;\n`);
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
    const messages = await lintMessages(
      `export async function loader(db: any, id: string, shop: string, context: any, tx: any, prisma: any) {\n  return ${call};\n}\n`,
    );
    expect(routeDbRule(messages, "no-restricted-syntax")).toBe(true);
  });

  it("keeps the rule that applies to all of app/ (portable Prisma helpers) in routes too", async () => {
    const messages = await lintMessages("declare const Prisma: any;\nexport const n = Prisma.DbNull;\n");
    expect(messages.some((m) => m.startsWith("no-restricted-syntax") && /jsonDbNull/.test(m))).toBe(true);
  });

  it("allows what a thin route does: services, contracts, URL and form handling", async () => {
    const messages = await lintMessages(
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
    const messages = await lintMessages(
      'import db from "../../db.server";\nexport const all = () => db.warehouse.findMany();\n',
      "app/services/admin/example.server.ts",
    );
    expect(messages).toEqual([]);
  });
});
