import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshSqliteDatabase } from "../../scripts/lib/app-server";
import { createPrismaClient } from "../../app/db.server";
import { NEW_SHOP_SETTINGS } from "../../app/services/shop/config-store.server";

const dir = mkdtempSync(join(tmpdir(), "tailroute-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real `tailroute` bin (package.json "bin") as a user would. */
function tailroute(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["bin/tailroute.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

describe("tailroute CLI", () => {
  it("--help lists the commands and exits 0", () => {
    const result = tailroute(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: tailroute <command>/);
    expect(result.stdout).toMatch(/\bstatus\b/);
  });

  it("an unknown command is bad input: message on stderr, exit 2", () => {
    const result = tailroute(["frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it("explains an unmigrated database instead of printing a stack", () => {
    const result = tailroute(["status"], { DATABASE_URL: `file:${join(dir, "empty.sqlite")}` });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no Tailroute tables yet: run `npm run db:migrate`/);
  });

  it("reads the database named by DATABASE_URL", async () => {
    // GIVEN a migrated database holding one shop with one carton
    const file = join(dir, "cli.sqlite");
    const url = freshSqliteDatabase(file);
    const db = createPrismaClient(url);
    await db.shop.create({ data: { shop: "cli-test.myshopify.com", ...NEW_SHOP_SETTINGS } });
    await db.carton.create({
      data: {
        shop: "cli-test.myshopify.com",
        key: "s",
        name: "S",
        lengthIn: 8,
        widthIn: 6,
        heightIn: 4,
        maxWeightOz: 320,
      },
    });
    await db.$disconnect();
    // WHEN `tailroute status --json` runs against it
    const result = tailroute(["status", "--json"], { DATABASE_URL: url });
    // THEN it reports that database and that shop's counts
    expect(result.status, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout) as {
      databaseUrl: string;
      shops: { shop: string; cartons: number }[];
    };
    expect(status.databaseUrl).toBe(url);
    expect(status.shops).toEqual([expect.objectContaining({ shop: "cli-test.myshopify.com", cartons: 1 })]);
  });
});
