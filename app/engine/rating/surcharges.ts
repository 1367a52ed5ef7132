import { assert } from "../assert";
import { parseDay } from "../transit/day-number";
import type { SurchargeAmount, SurchargeCode, SurchargeLine, SurchargeRule } from "../types";
import { applyBasisPoints } from "./money";
import type { CompiledAreaRule, CompiledSurcharges, SizedPackage, SurchargeContext } from "./types";

const AREA_PRECEDENCE = ["REMOTE_AREA", "EXTENDED_DELIVERY_AREA", "DELIVERY_AREA"] as const;

function checkAmount(amount: SurchargeAmount): SurchargeAmount {
  assert(
    Number.isInteger(amount.cents) && amount.cents >= 0,
    "surcharge amounts must be non-negative integer cents",
  );
  return amount;
}

/**
 * Splits a service's surcharge rules by trigger so the hot path never re-reads them.
 *
 * @example
 * compileSurcharges([{ code: "RESIDENTIAL", amount: { per: "SHIPMENT", cents: 550 } }], 1550).residential.length; // 1
 */
export function compileSurcharges(
  rules: readonly SurchargeRule[],
  fuelBasisPoints: number,
): CompiledSurcharges {
  assert(fuelBasisPoints >= 0, "fuel percentage must be non-negative");
  const compiled: CompiledSurcharges = {
    residential: [],
    areas: [],
    additionalHandling: [],
    largePackage: [],
    peak: [],
    accessorials: [],
    limitedAccess: [],
    fuelBasisPoints,
  };
  const areas: CompiledAreaRule[] = [];
  for (const rule of rules) {
    switch (rule.code) {
      case "RESIDENTIAL":
        compiled.residential.push(checkAmount(rule.amount));
        break;
      case "DELIVERY_AREA":
      case "EXTENDED_DELIVERY_AREA":
      case "REMOTE_AREA":
        areas.push({
          code: rule.code,
          zip5: new Set(rule.zips.filter((z) => z.length === 5)),
          zip3: new Set(rule.zips.filter((z) => z.length === 3)),
          amount: checkAmount(rule.amount),
        });
        break;
      case "ADDITIONAL_HANDLING":
        compiled.additionalHandling.push({ ...rule, amount: checkAmount(rule.amount) });
        break;
      case "LARGE_PACKAGE":
        compiled.largePackage.push({ ...rule, amount: checkAmount(rule.amount) });
        break;
      case "PEAK":
        for (const w of rule.windows) {
          const fromDay = parseDay(w.from);
          const toDay = parseDay(w.to);
          assert(fromDay <= toDay, "peak window must not end before it starts");
          compiled.peak.push({ fromDay, toDay, amount: checkAmount(rule.amount) });
        }
        break;
      case "LIFTGATE":
      case "APPOINTMENT":
      case "INSIDE_DELIVERY":
      case "WHITE_GLOVE":
        compiled.accessorials.push({
          code: rule.code,
          levels: new Set(rule.levels),
          amount: checkAmount(rule.amount),
        });
        break;
      case "LIMITED_ACCESS":
        compiled.limitedAccess.push({
          zip5: new Set(rule.zips.filter((z) => z.length === 5)),
          zip3: new Set(rule.zips.filter((z) => z.length === 3)),
          amount: checkAmount(rule.amount),
        });
        break;
    }
  }
  compiled.areas = areas.sort((a, b) => AREA_PRECEDENCE.indexOf(a.code) - AREA_PRECEDENCE.indexOf(b.code));
  return compiled;
}

/**
 * Applies large-package minimum billable weights (they change the base price, so they run before rating).
 * Returns, per package, whether it is a large package.
 *
 * @example
 * applyLargePackageMinimums(compiled, [{ sidesIn: [100, 20, 20], lengthPlusGirthIn: 180, actualLb: 40, dimLb: 58, billableLb: 58 }]);
 * // → [true], and that package's billableLb becomes 90
 */
export function applyLargePackageMinimums(compiled: CompiledSurcharges, packages: SizedPackage[]): boolean[] {
  return packages.map((p) => {
    let large = false;
    for (const rule of compiled.largePackage) {
      if (p.sidesIn[0] > rule.longestOverIn || p.lengthPlusGirthIn > rule.lengthPlusGirthOverIn) {
        large = true;
        p.billableLb = Math.max(p.billableLb, rule.minBillableLb);
      }
    }
    return large;
  });
}

function amountFor(amount: SurchargeAmount, packageCount: number): number {
  return amount.per === "PACKAGE" ? amount.cents * packageCount : amount.cents;
}

function isAdditionalHandling(
  rule: CompiledSurcharges["additionalHandling"][number],
  p: SizedPackage,
): boolean {
  return (
    p.sidesIn[0] > rule.longestOverIn ||
    p.sidesIn[1] > rule.secondLongestOverIn ||
    p.lengthPlusGirthIn > rule.lengthPlusGirthOverIn ||
    p.actualLb > rule.actualWeightOverLb
  );
}

/**
 * Surcharges for one shipment, in this precedence (see docs/engine.md):
 * large package (per package; replaces additional handling) → additional handling → residential →
 * the single most severe area surcharge (remote > extended > delivery area) → limited access (LTL) → peak (ship day in a window) →
 * freight accessorials for the chosen level → fuel, a percentage of base + all surcharges above.
 * Amounts of the same code are summed into one line; zero lines are omitted.
 *
 * @example
 * computeSurcharges(compiled, sized, [false], 1200, { destZip: "99501", residential: true, shipDay: 20416 });
 * // [{ code: "RESIDENTIAL", amountCents: 550 }, { code: "REMOTE_AREA", … }, { code: "FUEL", … }]
 */
export function computeSurcharges(
  compiled: CompiledSurcharges,
  packages: readonly SizedPackage[],
  largeFlags: readonly boolean[],
  baseCents: number,
  ctx: SurchargeContext,
): SurchargeLine[] {
  // Hot path: plain loops and an array of lines (no per-call closures or Maps).
  const lines: SurchargeLine[] = [];
  const count = packages.length;
  let largeCount = 0;
  for (const flag of largeFlags) if (flag) largeCount += 1;
  if (largeCount > 0) {
    for (const rule of compiled.largePackage)
      addLine(lines, "LARGE_PACKAGE", amountFor(rule.amount, largeCount));
  }
  for (const rule of compiled.additionalHandling) {
    let ahs = 0;
    for (let i = 0; i < count; i += 1)
      if (!largeFlags[i] && isAdditionalHandling(rule, packages[i])) ahs += 1;
    if (ahs > 0) addLine(lines, "ADDITIONAL_HANDLING", amountFor(rule.amount, ahs));
  }
  if (ctx.residential)
    for (const amount of compiled.residential) addLine(lines, "RESIDENTIAL", amountFor(amount, count));
  if (compiled.areas.length > 0) {
    const zip3 = ctx.destZip.slice(0, 3);
    for (const area of compiled.areas) {
      if (area.zip5.has(ctx.destZip) || area.zip3.has(zip3)) {
        addLine(lines, area.code, amountFor(area.amount, count));
        break;
      }
    }
  }
  if (compiled.limitedAccess.length > 0) {
    const zip3 = ctx.destZip.slice(0, 3);
    for (const rule of compiled.limitedAccess) {
      if (rule.zip5.has(ctx.destZip) || rule.zip3.has(zip3)) {
        addLine(lines, "LIMITED_ACCESS", amountFor(rule.amount, count));
        break;
      }
    }
  }
  for (const window of compiled.peak) {
    if (ctx.shipDay >= window.fromDay && ctx.shipDay <= window.toDay)
      addLine(lines, "PEAK", amountFor(window.amount, count));
  }
  if (ctx.freightLevel) {
    for (const rule of compiled.accessorials) {
      if (rule.levels.has(ctx.freightLevel)) addLine(lines, rule.code, amountFor(rule.amount, count));
    }
  }
  let subtotal = baseCents;
  for (const line of lines) subtotal += line.amountCents;
  addLine(lines, "FUEL", applyBasisPoints(subtotal, compiled.fuelBasisPoints));
  return lines;
}

/** Adds to the line of the same code (one line per code), skipping zero amounts. */
function addLine(lines: SurchargeLine[], code: SurchargeCode, cents: number): void {
  if (cents <= 0) return;
  for (const line of lines) {
    if (line.code === code) {
      line.amountCents += cents;
      return;
    }
  }
  lines.push({ code, amountCents: cents });
}
