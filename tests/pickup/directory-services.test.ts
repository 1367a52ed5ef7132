import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { DEFAULT_PICKUP_RULES } from "../../app/engine/pickup";
import {
  currentImportProgress,
  importPickupDirectory,
  type ImportPhase,
} from "../../app/services/pickup/directory-import.server";
import { directoryCsv, sampleDirectory } from "../../app/demo/sample-pickup-directory";
import { listPickupPoints } from "../../app/services/pickup/directory-list.server";
import {
  loadPickupNetworkSettings,
  savePickupNetworkSettings,
} from "../../app/services/pickup/network-settings.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-pickup-dir-"));
const db = createPrismaClient(freshTestDatabase("pickup_directory", dir));
const SHOP = "pickup-one.myshopify.com";
const OTHER = "pickup-two.myshopify.com";
const text = (name: string) => readFileSync(join(__dirname, "../fixtures/pickup", name), "utf8");
const version = async (shop: string) => (await db.shop.findUniqueOrThrow({ where: { shop } })).configVersion;

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await db.pickupPoint.deleteMany({});
  await db.pickupNetworkSetting.deleteMany({});
  await recordInstall(db, SHOP);
  await recordInstall(db, OTHER);
});

describe("directory import (CSV / GeoJSON)", () => {
  it("imports a valid CSV with progress, bumps the config version, and lists it paged per shop", async () => {
    // GIVEN a 3-point CSV with a quoted name and JSON hours
    const before = await version(SHOP);
    const progress: [number, number][] = [];
    // WHEN it is imported
    const result = await importPickupDirectory(db, SHOP, {
      text: text("directory-valid.csv"),
      onProgress: (done, total) => progress.push([done, total]),
    });
    // THEN all three are saved, progress ends at (3, 3), and caches are told
    expect(result).toEqual({ ok: true, imported: 3, created: 3, updated: 0, removed: 0 });
    expect(progress.at(-1)).toEqual([3, 3]);
    expect(await version(SHOP)).toBe(before + 1);
    const page = await listPickupPoints(db, SHOP, { pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.points).toHaveLength(2);
    expect(page.points[0]).toMatchObject({
      network: "FEDEX_HOLD_AT_LOCATION",
      source: "CSV",
      isSample: false,
    });
    const ups = await listPickupPoints(db, SHOP, { network: "UPS_ACCESS_POINT" });
    expect(ups.points[0]).toMatchObject({
      name: "The UPS Store #1234, Downtown",
      hours: [{ days: "Mon-Fri", open: "08:00", close: "19:00" }],
    });
    // AND the other shop sees none of it
    expect((await listPickupPoints(db, OTHER)).total).toBe(0);
  });

  it("reports progress over the database write too: rows checked, then rows written chunk by chunk", async () => {
    // GIVEN a 1,280-point directory (three write chunks of 500)
    const csv = directoryCsv(sampleDirectory({ perNetwork: 40 }));
    const progress: [number, number, ImportPhase][] = [];
    const countsWhileWriting: number[] = [];
    // WHEN imported
    const result = await importPickupDirectory(db, SHOP, {
      text: csv,
      onProgress: (done, total, phase) => {
        progress.push([done, total, phase]);
        if (phase === "written" && done < total) {
          expect(currentImportProgress(SHOP)).toEqual({ done, total, phase });
          countsWhileWriting.push(done);
        }
      },
    });
    // THEN rows are checked in steps of 250, then written 500, 1000, and 1280 after the commit
    expect(result).toMatchObject({ ok: true, imported: 1280 });
    expect(progress.filter(([, , p]) => p === "checked").map(([d]) => d)).toEqual([
      250, 500, 750, 1000, 1250, 1280,
    ]);
    expect(progress.filter(([, , p]) => p === "written")).toEqual([
      [500, 1280, "written"],
      [1000, 1280, "written"],
      [1280, 1280, "written"],
    ]);
    expect(countsWhileWriting).toEqual([500, 1000]);
    // AND the import no longer shows as running; every point is there
    expect(currentImportProgress(SHOP)).toBeNull();
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(1280);
  });

  it("a write that fails half-way rolls back every chunk already written", async () => {
    // GIVEN a directory whose second write chunk fails (the database refuses it)
    const csv = directoryCsv(sampleDirectory({ perNetwork: 40 }));
    const before = await version(SHOP);
    // WHEN the progress callback throws after the first chunk, inside the transaction
    await expect(
      importPickupDirectory(db, SHOP, {
        text: csv,
        onProgress: (done, _total, phase) => {
          if (phase === "written" && done === 500) throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    // THEN nothing was saved and the configuration version did not move
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(0);
    expect(await version(SHOP)).toBe(before);
    expect(currentImportProgress(SHOP)).toBeNull();
  });

  it("reports every bad row with its file line and saves nothing", async () => {
    // GIVEN a CSV with an unknown network, a bad state, a bad latitude and a duplicate
    const result = await importPickupDirectory(db, SHOP, { text: text("directory-errors.csv") });
    // THEN each error names its line (header = line 1) and nothing is stored
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(result.errors[0].message).toMatch(/network/);
    expect(result.errors[1].message).toMatch(/province must be a two-letter state code/);
    expect(result.errors[2].message).toMatch(/latitude/);
    expect(result.errors[3].message).toMatch(/duplicate of line 2/);
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("GeoJSON merges by network + external id (same id kept), and replace removes points absent from the file", async () => {
    // GIVEN the CSV directory imported
    await importPickupDirectory(db, SHOP, { text: text("directory-valid.csv") });
    const upsId = (await db.pickupPoint.findFirstOrThrow({ where: { shop: SHOP, externalId: "UPS-LA-1" } }))
      .id;
    // WHEN the GeoJSON (one known UPS point renamed, one new Amazon locker) is merged
    const merged = await importPickupDirectory(db, SHOP, { text: text("directory-valid.geojson") });
    // THEN one is updated in place and one created
    expect(merged).toEqual({ ok: true, imported: 2, created: 1, updated: 1, removed: 0 });
    const ups = await db.pickupPoint.findFirstOrThrow({ where: { shop: SHOP, externalId: "UPS-LA-1" } });
    expect(ups).toMatchObject({
      id: upsId,
      name: "The UPS Store #1234, Downtown (renamed)",
      source: "GEOJSON",
    });
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(4);
    // AND a replace import leaves only the file's points
    const replaced = await importPickupDirectory(db, SHOP, {
      text: text("directory-valid.geojson"),
      mode: "replace",
    });
    expect(replaced).toMatchObject({ ok: true, removed: 2 });
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(2);
  });

  it("rejects a GeoJSON that is not a FeatureCollection of points, naming the feature", async () => {
    // GIVEN a collection whose second feature is a LineString
    const bad = JSON.stringify({
      type: "FeatureCollection",
      features: [
        JSON.parse(text("directory-valid.geojson")).features[0],
        {
          type: "Feature",
          geometry: {
            type: "LineString",
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
          properties: {},
        },
      ],
    });
    // WHEN imported THEN feature 2 is named and nothing is saved
    const result = await importPickupDirectory(db, SHOP, { text: bad, format: "geojson" });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("network settings", () => {
  it("start from the carrier defaults (disabled) and save atomically with a version bump", async () => {
    // GIVEN a shop that never saved
    const initial = await loadPickupNetworkSettings(db, SHOP);
    expect(initial.map((s) => [s.network, s.enabled])).toEqual([
      ["AMAZON_LOCKER", false],
      ["UPS_ACCESS_POINT", false],
      ["FEDEX_HOLD_AT_LOCATION", false],
      ["USPS_HOLD_FOR_PICKUP", false],
    ]);
    expect(initial[0]).toMatchObject({
      maxWeightLb: 10,
      maxDimensionsIn: [16, 14, 12],
      maxValueCents: 500_000,
      holdDays: 3,
    });
    const before = await version(SHOP);
    // WHEN UPS is enabled with a 30 lb limit
    const saved = await savePickupNetworkSettings(db, SHOP, {
      networks: [{ ...initial[1], enabled: true, maxWeightLb: 30 }],
    });
    // THEN it is stored, the others keep their defaults, and the version moved
    expect(saved.ok).toBe(true);
    const after = await loadPickupNetworkSettings(db, SHOP);
    expect(after[1]).toMatchObject({
      network: "UPS_ACCESS_POINT",
      enabled: true,
      maxWeightLb: 30,
      maxDimensionsIn: null,
    });
    expect(after[0].enabled).toBe(false);
    expect(await version(SHOP)).toBe(before + 1);
    // AND the other shop is untouched
    expect((await loadPickupNetworkSettings(db, OTHER))[1].enabled).toBe(false);
  });

  it("invalid settings return field errors and save nothing", async () => {
    // GIVEN a negative weight, unsorted dimensions and a duplicated network
    const amazon = { ...DEFAULT_PICKUP_RULES.AMAZON_LOCKER } as Record<string, unknown>;
    delete amazon.carrier;
    delete amazon.holdDaysKind;
    const result = await savePickupNetworkSettings(db, SHOP, {
      networks: [
        { ...amazon, enabled: true, maxWeightLb: -1 },
        { ...amazon, maxDimensionsIn: [10, 20, 5] },
      ],
    });
    // THEN each problem has a path, and nothing was written
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain("networks.0.maxWeightLb");
    expect(paths).toContain("networks.1.maxDimensionsIn");
    expect(await db.pickupNetworkSetting.count({ where: { shop: SHOP } })).toBe(0);
  });
});
