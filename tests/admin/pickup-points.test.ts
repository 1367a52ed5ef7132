import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  configVersion,
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

// The Pickup points page over the pickup services (their own tests cover the rules; these cover the page).
const directory = (name: string) =>
  readFileSync(new URL(`../fixtures/pickup/${name}`, import.meta.url), "utf8");

let h: AdminHarness;
let route: typeof import("../../app/routes/app.pickup-points");
beforeAll(async () => {
  h = await startAdminHarness();
  route = await import("../../app/routes/app.pickup-points");
});
afterAll(() => h?.stop());

/** The form as the page posts it: every network, UPS enabled with the given overrides. */
function settingsForm(overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = { intent: "settings" };
  for (const network of [
    "AMAZON_LOCKER",
    "UPS_ACCESS_POINT",
    "FEDEX_HOLD_AT_LOCATION",
    "USPS_HOLD_FOR_PICKUP",
  ]) {
    Object.assign(fields, {
      [`${network}.maxWeightLb`]: "40",
      [`${network}.maxLongestIn`]: "36",
      [`${network}.maxDimensionsIn`]: "",
      [`${network}.maxValue`]: "",
      [`${network}.holdDays`]: "5",
      [`${network}.maxDistanceMiles`]: "15",
      [`${network}.excludeFragile`]: "on",
    });
  }
  return {
    ...fields,
    "UPS_ACCESS_POINT.enabled": "on",
    "UPS_ACCESS_POINT.maxDimensionsIn": "14 x 22 x 21",
    "UPS_ACCESS_POINT.maxValue": "2500",
    ...overrides,
  };
}

describe("Pickup points page", () => {
  it("saves every network's limits from the form", async () => {
    const before = await configVersion(h.db);
    const { status } = await submit(route.action, "/app/pickup-points", settingsForm());
    expect(status).toBe(200);
    const { data } = await load(route.loader, "/app/pickup-points");
    const ups = data.settings.find((s: { network: string }) => s.network === "UPS_ACCESS_POINT");
    expect(ups).toMatchObject({
      enabled: true,
      maxWeightLb: 40,
      maxDimensionsIn: [22, 21, 14],
      maxValueCents: 250000,
      holdDays: 5,
      excludeFragile: true,
    });
    expect(data.settings.find((s: { network: string }) => s.network === "AMAZON_LOCKER").enabled).toBe(false);
    expect(await configVersion(h.db)).toBeGreaterThan(before);
  });

  it("puts each error on its network's field and saves nothing", async () => {
    const before = await h.db.pickupNetworkSetting.findMany({
      where: { shop: DEMO_SHOP },
      orderBy: { network: "asc" },
    });
    const { status, data } = await submit(
      route.action,
      "/app/pickup-points",
      settingsForm({ "FEDEX_HOLD_AT_LOCATION.holdDays": "0", "UPS_ACCESS_POINT.maxWeightLb": "" }),
    );
    expect(status).toBe(422);
    expect(Object.keys(data.errors).sort()).toEqual([
      "FEDEX_HOLD_AT_LOCATION.holdDays",
      "UPS_ACCESS_POINT.maxWeightLb",
    ]);
    expect(
      await h.db.pickupNetworkSetting.findMany({ where: { shop: DEMO_SHOP }, orderBy: { network: "asc" } }),
    ).toEqual(before);
  });

  it("imports nothing from a directory with bad lines, and lists each line", async () => {
    const { status, data } = await submit(route.action, "/app/pickup-points", {
      intent: "importDirectory",
      directory: directory("directory-errors.csv"),
    });
    expect(status).toBe(422);
    expect(data.lineErrors.map((e: { line: number }) => e.line)).toEqual(expect.arrayContaining([3, 4, 5]));
    expect(await h.db.pickupPoint.count({ where: { shop: DEMO_SHOP } })).toBe(0);
  });

  it("imports a directory and lists it for this shop only", async () => {
    const { status } = await submit(route.action, "/app/pickup-points", {
      intent: "importDirectory",
      directory: directory("directory-valid.csv"),
    });
    expect(status).toBe(200);
    const mine = await h.db.pickupPoint.count({ where: { shop: DEMO_SHOP } });
    expect(mine).toBeGreaterThan(0);
    await h.db.pickupPoint.create({
      data: {
        shop: OTHER_SHOP,
        network: "UPS_ACCESS_POINT",
        externalId: "THEIRS",
        name: "OTHER point",
        address1: "1 A St",
        city: "Reno",
        province: "NV",
        zip: "89501",
        latitude: 39.5,
        longitude: -119.8,
        hours: [],
      },
    });
    const { data } = await load(route.loader, "/app/pickup-points?network=UPS_ACCESS_POINT");
    expect(data.directory.points.length).toBeGreaterThan(0);
    expect(
      data.directory.points.every(
        (p: { network: string; name: string }) =>
          p.network === "UPS_ACCESS_POINT" && !p.name.startsWith("OTHER"),
      ),
    ).toBe(true);
    expect((await load(route.loader, "/app/pickup-points")).data.directory.total).toBe(mine);
  });

  it("never shows or changes another shop's network settings", async () => {
    // GIVEN the demo shop's settings as the page shows them, and another shop whose every network is set to
    // recognisable values (Amazon lockers on, 3.25 lb, 2 hold days, valuables allowed)
    const shown = async () => (await load(route.loader, "/app/pickup-points")).data.settings;
    const before = await shown();
    const theirs = {
      enabled: true,
      maxWeightLb: 3.25,
      maxLongestIn: 7.5,
      maxValueCents: 12345,
      holdDays: 2,
      maxDistanceMiles: 1.5,
      excludeFragile: false,
      excludeValuable: false,
      excludeColdChain: false,
    };
    for (const network of [
      "AMAZON_LOCKER",
      "UPS_ACCESS_POINT",
      "FEDEX_HOLD_AT_LOCATION",
      "USPS_HOLD_FOR_PICKUP",
    ])
      await h.db.pickupNetworkSetting.upsert({
        where: { shop_network: { shop: OTHER_SHOP, network } },
        create: { shop: OTHER_SHOP, network, ...theirs },
        update: theirs,
      });
    const otherRows = () =>
      h.db.pickupNetworkSetting.findMany({ where: { shop: OTHER_SHOP }, orderBy: { network: "asc" } });
    const otherBefore = await otherRows();
    // WHEN the demo shop's page loads THEN it shows exactly its own settings, none of the other shop's values
    const after = await shown();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toMatch(/3\.25|12345|"holdDays":2\b/);
    // WHEN the demo shop saves (and fails to save) its settings THEN the other shop's rows are untouched
    expect(
      (await submit(route.action, "/app/pickup-points", settingsForm({ "UPS_ACCESS_POINT.holdDays": "6" })))
        .status,
    ).toBe(200);
    expect(
      (await submit(route.action, "/app/pickup-points", settingsForm({ "AMAZON_LOCKER.holdDays": "0" })))
        .status,
    ).toBe(422);
    expect(await otherRows()).toEqual(otherBefore);
    expect(
      (await shown()).find((setting: { network: string }) => setting.network === "UPS_ACCESS_POINT").holdDays,
    ).toBe(6);
  });
});

describe("Pickup points: import progress", () => {
  it("answers the running import's progress to the page's poll, and null once it is done", async () => {
    const progressRoute = await import("../../app/routes/app.pickup-points.import-progress");
    const { importPickupDirectory } = await import("../../app/services/pickup/directory-import.server");
    const poll = () => load(progressRoute.loader, "/app/pickup-points/import-progress");
    expect((await poll()).data).toEqual({ progress: null });
    // WHEN the page polls right after the rows were checked, while they are being written
    let during: ReturnType<typeof poll> | undefined;
    const result = await importPickupDirectory(h.db, DEMO_SHOP, {
      text: directory("directory-valid.csv"),
      onProgress: (_done, _total, phase) => {
        if (phase === "checked") during ??= poll();
      },
    });
    // THEN it saw this shop's import in flight, and nothing once the import finished
    expect(result.ok).toBe(true);
    const total = result.ok ? result.imported : -1;
    expect((await during!).data).toEqual({ progress: { done: total, total, phase: "checked" } });
    expect((await poll()).data).toEqual({ progress: null });
  });

  it("never shows another shop's running import", async () => {
    const progressRoute = await import("../../app/routes/app.pickup-points.import-progress");
    const { importPickupDirectory } = await import("../../app/services/pickup/directory-import.server");
    let during: Promise<{ data: unknown }> | undefined;
    await importPickupDirectory(h.db, OTHER_SHOP, {
      text: directory("directory-valid.csv"),
      onProgress: (_done, _total, phase) => {
        if (phase === "checked") during ??= load(progressRoute.loader, "/app/pickup-points/import-progress");
      },
    });
    expect((await during!).data).toEqual({ progress: null });
  });
});
