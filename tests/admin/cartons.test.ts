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

let h: AdminHarness;
let page: typeof import("../../app/routes/app.cartons");
beforeAll(async () => {
  h = await startAdminHarness();
  page = await import("../../app/routes/app.cartons");
});
afterAll(() => h?.stop());

// The demo shop shows pounds and inches.
const VALID = {
  intent: "save",
  key: "box-xxl",
  name: "Extra large 24×18×18",
  length: "24",
  width: "18",
  height: "18",
  tareWeight: "1.5",
  maxWeight: "50",
  active: "on",
  warehouseKeys: ["edison-nj", "dallas-tx"],
};

const cartonByKey = (key: string, shop = DEMO_SHOP) =>
  h.db.carton.findFirst({ where: { shop, key }, include: { warehouses: { include: { warehouse: true } } } });

describe("Cartons page", () => {
  it("lists this shop's cartons, never another shop's", async () => {
    const { data } = await load(page.loader, "/app/cartons");
    const mine = await h.db.carton.count({ where: { shop: DEMO_SHOP } });
    expect(data.cartons).toHaveLength(mine);
    const theirs = await h.db.carton.findMany({ where: { shop: OTHER_SHOP }, select: { id: true } });
    expect(data.cartons.some((c: { id: string }) => theirs.some((t) => t.id === c.id))).toBe(false);
  });

  it("creates a carton in inches and ounces with the warehouses that stock it, in one save", async () => {
    const before = await configVersion(h.db);
    // WHEN a carton is added in the shop's units (lb, in)
    const { status, data } = await submit(page.action, "/app/cartons", VALID);
    // THEN it is stored in inches and ounces, linked to the two warehouses, and the config version moves
    expect(data).toMatchObject({ ok: true, message: "Extra large 24×18×18 saved" });
    expect(status).toBe(200);
    const stored = await cartonByKey("box-xxl");
    expect(stored).toMatchObject({
      lengthIn: 24,
      widthIn: 18,
      heightIn: 18,
      tareWeightOz: 24,
      maxWeightOz: 800,
      active: true,
    });
    expect(stored!.warehouses.map((w) => w.warehouse.key).sort()).toEqual(["dallas-tx", "edison-nj"]);
    expect(await configVersion(h.db)).toBe(before + 1);
    // AND the page lists it with its warehouses in display units
    const list = await load(page.loader, "/app/cartons");
    const row = list.data.cartons.find((c: { key: string }) => c.key === "box-xxl");
    expect(row).toMatchObject({ length: 24, tareWeight: 1.5, maxWeight: 50, warning: null });
    expect(row.warehouseKeys.sort()).toEqual(["dallas-tx", "edison-nj"]);
  });

  it("refuses zero or negative dimensions, a maximum weight not above the empty weight, a used key — each at its field, nothing saved", async () => {
    const count = await h.db.carton.count({ where: { shop: DEMO_SHOP } });
    const before = await configVersion(h.db);
    // WHEN the dimensions are 0 and negative and the maximum weight is below the empty weight
    const bad = await submit(page.action, "/app/cartons", {
      ...VALID,
      key: "box-bad",
      length: "0",
      width: "-3",
      tareWeight: "2",
      maxWeight: "1",
    });
    // THEN 422 names each field
    expect(bad.status).toBe(422);
    expect(bad.data.errors.lengthIn).toBe("must be more than 0");
    expect(bad.data.errors.widthIn).toBe("must be more than 0");
    // AND a key already used is named at `key`
    const dup = await submit(page.action, "/app/cartons", { ...VALID, name: "Another" });
    expect(dup.status).toBe(422);
    expect(dup.data.errors.key).toMatch(/"box-xxl" already exists/);
    // AND an empty weight above the maximum is refused at maxWeightOz
    const heavy = await submit(page.action, "/app/cartons", {
      ...VALID,
      key: "box-heavy",
      tareWeight: "5",
      maxWeight: "5",
    });
    expect(heavy.data.errors.maxWeightOz).toBe("must be more than the empty weight");
    // AND nothing was written
    expect(await h.db.carton.count({ where: { shop: DEMO_SHOP } })).toBe(count);
    expect(await configVersion(h.db)).toBe(before);
  });

  it("saves a carton too small for every product, with a warning on save and in the list", async () => {
    const { status, data } = await submit(page.action, "/app/cartons", {
      ...VALID,
      key: "box-tiny",
      name: "Tiny",
      length: "1",
      width: "1",
      height: "0.5",
      tareWeight: "0.1",
      maxWeight: "1",
      warehouseKeys: [],
    });
    expect(status).toBe(200);
    expect(data.message).toMatch(/^Tiny saved, but it fits none of your \d+ product\(s\)/);
    const list = await load(page.loader, "/app/cartons");
    expect(list.data.cartons.find((c: { key: string }) => c.key === "box-tiny").warning).toMatch(/fits none/);
  });

  it("edits, deactivates (checkout stops packing into it), reactivates and deletes a carton", async () => {
    const carton = (await cartonByKey("box-xxl"))!;
    // WHEN it is edited: new size, one warehouse
    const edited = await submit(page.action, "/app/cartons", {
      ...VALID,
      id: carton.id,
      length: "26",
      warehouseKeys: ["ontario-ca"],
    });
    expect(edited.status).toBe(200);
    const after = (await cartonByKey("box-xxl"))!;
    expect(after.lengthIn).toBe(26);
    expect(after.warehouses.map((w) => w.warehouse.key)).toEqual(["ontario-ca"]);
    // AND deactivated: the engine's configuration no longer has it
    expect((await submit(page.action, "/app/cartons", { intent: "deactivate", id: carton.id })).status).toBe(
      200,
    );
    const { loadShopConfig } = await import("../../app/services/shop/config-store.server");
    expect((await loadShopConfig(h.db, DEMO_SHOP))!.cartons.map((c) => c.id)).not.toContain("box-xxl");
    expect((await submit(page.action, "/app/cartons", { intent: "activate", id: carton.id })).status).toBe(
      200,
    );
    expect((await loadShopConfig(h.db, DEMO_SHOP))!.cartons.map((c) => c.id)).toContain("box-xxl");
    // AND deleted, with its warehouse links
    expect((await submit(page.action, "/app/cartons", { intent: "delete", id: carton.id })).status).toBe(200);
    expect(await cartonByKey("box-xxl")).toBeNull();
    expect(await h.db.cartonWarehouse.count({ where: { cartonId: carton.id } })).toBe(0);
  });

  it("never edits, deactivates or deletes another shop's carton by id", async () => {
    const theirs = await h.db.carton.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    for (const fields of [
      { ...VALID, id: theirs.id, key: "stolen" },
      { intent: "deactivate", id: theirs.id },
      { intent: "delete", id: theirs.id },
    ])
      expect((await submit(page.action, "/app/cartons", fields)).status).toBe(404);
    expect(await h.db.carton.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      key: theirs.key,
      active: true,
    });
  });
});
