import { describe, expect, it } from "vitest";
import { addBusinessDays, chooseRate, type RateOption } from "../../../app/services/labels/label-choice";

const option = (
  accountId: string,
  service: string,
  amountCents: number,
  deliveryDays?: number,
): RateOption => ({
  accountId,
  providerRef: `shp_${accountId}`,
  rate: {
    rateId: `rate_${service}`,
    carrierAccountId: "ca",
    carrier: "UPS",
    service,
    amountCents,
    currency: "USD",
    ...(deliveryDays !== undefined ? { deliveryDays } : {}),
  },
});
const MONDAY = new Date("2026-12-07T15:00:00Z");

describe("choosing the label's rate", () => {
  it("counts business days, skipping the weekend", () => {
    expect(addBusinessDays(MONDAY, 4)).toBe("2026-12-11");
    expect(addBusinessDays(MONDAY, 5)).toBe("2026-12-14");
  });

  it("takes the cheapest rate that still arrives by the promised day, across accounts", () => {
    // GIVEN a cheap late rate, a dear fast one and a middle one at another account
    const { chosen, comparison } = chooseRate(
      [option("a", "Ground", 800, 5), option("a", "NextDay", 3000, 1), option("b", "2Day", 1500, 2)],
      { today: MONDAY, promisedMax: "2026-12-10", decided: null },
    );
    // THEN the middle one is bought and the late one is shown as missing the window
    expect(chosen?.rate.service).toBe("2Day");
    expect(comparison.map((r) => [r.service, r.meetsWindow, r.chosen])).toEqual([
      ["Ground", false, false],
      ["2Day", true, true],
      ["NextDay", true, false],
    ]);
  });

  it("trusts the decided service without an estimate, never another one", () => {
    const options = [option("a", "Ground", 900), option("a", "Economy", 500)];
    const { chosen } = chooseRate(options, {
      today: MONDAY,
      promisedMax: "2026-12-10",
      decided: { accountId: "a", service: "Ground" },
    });
    expect(chosen?.rate.service).toBe("Ground");
  });

  it("chooses nothing when no rate arrives in time", () => {
    expect(
      chooseRate([option("a", "Ground", 800, 9)], { today: MONDAY, promisedMax: "2026-12-10", decided: null })
        .chosen,
    ).toBeNull();
  });
});
