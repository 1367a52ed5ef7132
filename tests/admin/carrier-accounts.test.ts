import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EASYPOST_FAKE_KEY, startEasyPostFake, type EasyPostFake } from "../support/fakes/easypost-fake";
import {
  configVersion,
  DEMO_SHOP,
  load,
  OTHER_SHOP,
  startAdminHarness,
  submit,
  type AdminHarness,
} from "./admin-harness";

// The Carrier accounts page through its loader and action (demo session, real database): connect a key (sealed,
// shown by its last four only), test it against the EasyPost fake, map a service, set the budget; never another
// shop's account; the key never in the page, the settings export or the logs.

let h: AdminHarness;
let fake: EasyPostFake;
let page: typeof import("../../app/routes/app.carrier-accounts");
let exportShopConfig: typeof import("../../app/services/admin/settings.server").exportShopConfig;
const logged: string[] = [];
beforeAll(async () => {
  h = await startAdminHarness();
  fake = await startEasyPostFake();
  page = await import("../../app/routes/app.carrier-accounts");
  ({ exportShopConfig } = await import("../../app/services/admin/settings.server"));
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void logged.push(args.map(String).join(" ")),
    );
});
afterEach(() => fake.reset());
afterAll(async () => {
  vi.restoreAllMocks();
  await fake.close();
  await h?.stop();
});

const PATH = "/app/carrier-accounts";
const WRONG_KEY = "EZTK_wrong_key_never_logged_7777";

async function connect(apiKey = EASYPOST_FAKE_KEY, label = "Main EasyPost") {
  const { status, data } = await submit(page.action, PATH, {
    intent: "add",
    provider: "EASYPOST",
    label,
    apiKey,
  });
  expect(status).toBe(200);
  const row = await h.db.carrierAccount.findFirstOrThrow({ where: { shop: DEMO_SHOP, label } });
  // The demo and tests point an account at the fake; the admin form cannot set the URL.
  await h.db.carrierAccount.update({ where: { id: row.id }, data: { apiBaseUrl: fake.baseUrl } });
  return { id: row.id, data };
}

describe("Carrier accounts page", () => {
  it("connects an EasyPost key sealed at rest, shows only its last four characters and bumps the config", async () => {
    const before = await configVersion(h.db);
    const { id } = await connect();
    const row = await h.db.carrierAccount.findUniqueOrThrow({ where: { id } });
    expect(row.apiKeySealed).not.toContain(EASYPOST_FAKE_KEY);
    expect(row.apiKeySealed.startsWith("v1.")).toBe(true);
    expect(row.apiKeyHint).toBe(`…${EASYPOST_FAKE_KEY.slice(-4)}`);
    expect(await configVersion(h.db)).toBeGreaterThan(before);
    const { data } = await load(page.loader, PATH);
    expect(JSON.stringify(data)).not.toContain(EASYPOST_FAKE_KEY);
    expect(data.accounts.find((a: { id: string }) => a.id === id)).toMatchObject({ status: "UNTESTED" });
  });

  it("refuses a key with spaces or a missing name with the field's reason, saving nothing", async () => {
    const count = await h.db.carrierAccount.count();
    const { status, data } = await submit(page.action, PATH, {
      intent: "add",
      provider: "EASYPOST",
      label: "",
      apiKey: "has spaces in it",
    });
    expect(status).toBe(422);
    expect(Object.keys(data.errors).sort()).toEqual(["apiKey", "label"]);
    expect(await h.db.carrierAccount.count()).toBe(count);
  });

  it("tests the connection and lists the carrier accounts the key exposes", async () => {
    const { id } = await connect(EASYPOST_FAKE_KEY, "Tested");
    const { status, data } = await submit(page.action, PATH, { intent: "test", id });
    expect(status).toBe(200);
    expect(data.message).toMatch(/2 carrier account/);
    const { data: view } = await load(page.loader, PATH);
    const account = view.accounts.find((a: { id: string }) => a.id === id);
    expect(account.status).toBe("OK");
    expect(account.carrierAccounts.map((c: { id: string }) => c.id).sort()).toEqual([
      "ca_fake_ups",
      "ca_fake_usps",
    ]);
  });

  it("says a refused key failed, with the reason and never the key, in the page and in the logs", async () => {
    const { id } = await connect(WRONG_KEY, "Wrong key");
    const { status, data } = await submit(page.action, PATH, { intent: "test", id });
    expect(status).toBe(422);
    expect(data.errors.form).toMatch(/refused/);
    const { data: view } = await load(page.loader, PATH);
    expect(view.accounts.find((a: { id: string }) => a.id === id).status).toBe("FAILED");
    const everything = JSON.stringify([data, view]) + logged.join("\n");
    expect(everything).not.toContain(WRONG_KEY);
    expect(logged.join("\n")).not.toContain(EASYPOST_FAKE_KEY);
  });

  it("maps a parcel service to the account's carrier account and service, and refuses a freight service", async () => {
    const { id } = await connect(EASYPOST_FAKE_KEY, "For mapping");
    const before = await configVersion(h.db);
    const ok = await submit(page.action, PATH, {
      intent: "map",
      serviceCode: "ups-ground",
      carrierAccountId: id,
      providerAccount: "ca_fake_ups",
      providerService: "Ground",
    });
    expect(ok.status).toBe(200);
    expect(
      await h.db.carrierServiceMapping.findFirst({ where: { shop: DEMO_SHOP, serviceCode: "ups-ground" } }),
    ).toMatchObject({
      carrierAccountId: id,
      providerAccount: "ca_fake_ups",
      providerService: "Ground",
    });
    expect(await configVersion(h.db)).toBeGreaterThan(before);
    const freight = await submit(page.action, PATH, {
      intent: "map",
      serviceCode: "ltl-final-mile",
      carrierAccountId: id,
      providerAccount: "ca_fake_ups",
      providerService: "Ground",
    });
    expect(freight.status).toBe(422);
  });

  it("saves the budget within its bounds and refuses one over 2,500 ms", async () => {
    const fields = {
      intent: "settings",
      budgetMs: "1200",
      breakerFailures: "3",
      breakerCooldownMs: "20000",
      cacheTtlMs: "60000",
    };
    expect((await submit(page.action, PATH, fields)).status).toBe(200);
    expect(await h.db.liveRateSetting.findUnique({ where: { shop: DEMO_SHOP } })).toMatchObject({
      budgetMs: 1200,
    });
    const tooLong = await submit(page.action, PATH, { ...fields, budgetMs: "9000" });
    expect(tooLong.status).toBe(422);
    expect(tooLong.data.errors.budgetMs).toBeDefined();
  });

  it("never lists, tests, maps to or disconnects another shop's account", async () => {
    const theirs = await h.db.carrierAccount.create({
      data: {
        shop: OTHER_SHOP,
        provider: "SHIPPO",
        label: "OTHER key",
        apiKeySealed: "v1.x.y.z.w",
        apiKeyHint: "…9999",
      },
    });
    const { data } = await load(page.loader, PATH);
    expect(data.accounts.some((a: { id: string }) => a.id === theirs.id)).toBe(false);
    expect((await submit(page.action, PATH, { intent: "test", id: theirs.id })).status).toBe(404);
    expect((await submit(page.action, PATH, { intent: "remove", id: theirs.id })).status).toBe(404);
    const map = await submit(page.action, PATH, {
      intent: "map",
      serviceCode: "ups-ground",
      carrierAccountId: theirs.id,
      providerAccount: "x",
      providerService: "y",
    });
    expect(map.status).toBe(422);
    expect(await h.db.carrierAccount.findUnique({ where: { id: theirs.id } })).not.toBeNull();
  });

  it("keeps every key out of the settings export", async () => {
    const exported = JSON.stringify(await exportShopConfig(h.db, DEMO_SHOP));
    expect(exported).not.toContain(EASYPOST_FAKE_KEY);
    expect(exported).not.toContain("apiKeySealed");
    expect(exported).not.toMatch(/"v1\.[0-9a-f]{8}\./);
  });

  it("disconnects an account with its mappings", async () => {
    const { id } = await connect(EASYPOST_FAKE_KEY, "To remove");
    await h.db.carrierServiceMapping.deleteMany({ where: { shop: DEMO_SHOP } });
    await submit(page.action, PATH, {
      intent: "map",
      serviceCode: "usps-priority",
      carrierAccountId: id,
      providerAccount: "ca_fake_usps",
      providerService: "Priority",
    });
    expect((await submit(page.action, PATH, { intent: "remove", id })).status).toBe(200);
    expect(await h.db.carrierAccount.findUnique({ where: { id } })).toBeNull();
    expect(await h.db.carrierServiceMapping.count({ where: { shop: DEMO_SHOP, carrierAccountId: id } })).toBe(
      0,
    );
  });
});
