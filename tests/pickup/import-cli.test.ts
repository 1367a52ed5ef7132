import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { directoryCsv, sampleDirectory } from "../../app/demo/sample-pickup-directory";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { runTailroute } from "../support/run-cli";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-import-cli-"));
const url = freshTestDatabase("import_cli", dir);
const db = createPrismaClient(url);
const SHOP = "cli-pickup.myshopify.com";
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const tailroute = (args: string[]) => runTailroute(args, { env: { DATABASE_URL: url } });
const fixture = (name: string) => join(__dirname, "../fixtures/pickup", name);

describe("npx tailroute import-pickup-points", () => {
  it("imports a generated 768-point CSV with progress on stderr and a summary on stdout", async () => {
    // GIVEN an installed shop and the sample directory written as CSV
    await recordInstall(db, SHOP);
    const file = join(dir, "sample.csv");
    writeFileSync(file, directoryCsv(sampleDirectory({ perNetwork: 24 })));
    // WHEN imported from the command line
    const run = await tailroute(["import-pickup-points", file, "--shop", SHOP]);
    // THEN it succeeds, reports progress, and every point is stored for that shop only
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /Imported 768 pickup points for cli-pickup\.myshopify\.com: 768 new, 0 updated/,
    );
    expect(run.stderr).toMatch(/250\/768 points checked \(32 %\)/);
    expect(run.stderr).toMatch(/500\/768 points written \(65 %\)/);
    expect(run.stderr).toMatch(/768\/768 points written \(100 %\)\n$/);
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(768);
  });

  it("a file with errors imports nothing and lists each error with its line; bad arguments exit 2", async () => {
    // GIVEN a second shop and a CSV with four bad rows
    const other = "cli-pickup-2.myshopify.com";
    await recordInstall(db, other);
    const run = await tailroute(["import-pickup-points", fixture("directory-errors.csv"), "--shop", other]);
    // THEN exit 1, four errors with lines, nothing saved
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Nothing imported: 4 error\(s\)/);
    expect(run.stderr).toMatch(/line 3: .*network/);
    expect(run.stderr).toMatch(/line 6: duplicate of line 2/);
    expect(await db.pickupPoint.count({ where: { shop: other } })).toBe(0);
    // AND GeoJSON is accepted with --format
    const geo = await tailroute([
      "import-pickup-points",
      fixture("directory-valid.geojson"),
      "--shop",
      other,
      "--format",
      "geojson",
    ]);
    expect(geo.status).toBe(0);
    expect(await db.pickupPoint.count({ where: { shop: other } })).toBe(2);
    // AND a missing --shop or an unknown format is a usage error
    expect((await tailroute(["import-pickup-points", fixture("directory-valid.csv")])).status).toBe(2);
    expect(
      (
        await tailroute([
          "import-pickup-points",
          fixture("directory-valid.csv"),
          "--shop",
          other,
          "--format",
          "xml",
        ])
      ).status,
    ).toBe(2);
  });
});
