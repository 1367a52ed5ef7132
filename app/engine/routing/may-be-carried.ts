import type { CompiledShopConfig } from "../config/types";
import { candidateServices, levelFor } from "./candidate-services";
import { destinationLeg } from "./destination-leg";
import { MASK_UNKNOWN, staticallyCarries, templateFor } from "./evaluate-shipment";
import { CLASS_KEYS } from "./slot-classes";
import { TIER_DEFINITIONS } from "./tiers";
import type { QuoteContext, TierDefinition } from "./types";

const TIER_COUNT = TIER_DEFINITIONS.length;

/**
 * For `ctx.prune`: false when some shipment of an allocation (its cart-plan slots `slots[from..to)`) certainly has
 * no option in the tier, so `planFor` would return null: no candidate service passes the shipment's own checks
 * (`staticallyCarries`, a bit mask per template and tier) and the destination's (the leg exists and, for cold-chain
 * contents, is fast enough: bit masks per warehouse and quote). A warehouse that no service of the tier can carry
 * from to this address rules its slots out before they are packed. Slots are read through their class (`SlotClasses`):
 * a quote decides each class once. Needs the shipment's packing only, not its evaluation. At most 31 services (one
 * bit each): `quote` does not prune beyond that.
 *
 * @example
 * if (!mayBeCarried(ctx, economy, 2, group.slots, group.offsets[a], group.offsets[a + 1])) continue;
 */
export function mayBeCarried(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  slots: Int32Array,
  from: number,
  to: number,
): boolean {
  const { plan } = ctx;
  const { classes } = plan;
  const generation = ctx.compiled.packing.generation;
  const keyOffset = tierIndex * 2 + (ctx.freightOnly === true ? 1 : 0);
  const verdicts = ctx.classVerdicts;
  const byWarehouse = ctx.warehouseVerdicts;
  for (let j = from; j < to; j += 1) {
    const slot = slots[j];
    // First what needs no packing: some service of the tier tenders from the warehouse and reaches the address.
    const w = classes.warehouseOf[slot];
    const reaches = byWarehouse[w * TIER_COUNT + tierIndex] ?? warehouseVerdict(ctx, def, tierIndex, w);
    if (!reaches) return false;
    if (classes.generation[slot] !== generation) {
      // The packing cache dropped an entry since: the slot's packing (and so its classes) may have changed.
      templateFor(ctx, plan.slots[slot]);
      classes.generation[slot] = generation;
    }
    let id = classes.ofSlot[slot * CLASS_KEYS + keyOffset] - 1;
    if (id < 0) id = classOfSlot(ctx, def, tierIndex, slot, keyOffset);
    if (!(verdicts[id] ?? classVerdict(ctx, id))) return false;
  }
  return true;
}

const tenderMasks = new WeakMap<CompiledShopConfig, Int32Array>();

/**
 * Bits of the tier's candidate services (for shipments that need freight or not) that the warehouse may tender
 * (`staticallyCarries` without the package limits), per compiled config.
 */
function tenderMask(ctx: QuoteContext, def: TierDefinition, tierIndex: number, w: number): number {
  const { compiled } = ctx;
  let masks = tenderMasks.get(compiled);
  if (!masks) {
    masks = new Int32Array(compiled.warehouses.length * TIER_COUNT).fill(MASK_UNKNOWN);
    tenderMasks.set(compiled, masks);
  }
  let mask = masks[w * TIER_COUNT + tierIndex];
  if (mask === MASK_UNKNOWN) {
    mask = 0;
    const warehouse = compiled.warehouses[w];
    for (const needsFreight of [false, true])
      for (const service of candidateServices(ctx, def, needsFreight)) {
        const level = levelFor(def, service);
        if (!service.warehouseIndexes.has(w)) continue;
        if (level && warehouse.freightLevels && !warehouse.freightLevels.has(level)) continue;
        mask |= 1 << service.index;
      }
    masks[w * TIER_COUNT + tierIndex] = mask;
  }
  return mask;
}

/** Whether a service of `tenderMask` has a leg from the warehouse to this address (before any packing). */
function warehouseMayCarry(ctx: QuoteContext, def: TierDefinition, tierIndex: number, w: number): boolean {
  const mask = tenderMask(ctx, def, tierIndex, w);
  return mask !== 0 && legsReach(ctx, w, mask, false);
}

function classOfSlot(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  slot: number,
  keyOffset: number,
): number {
  const shipment = ctx.plan.slots[slot];
  const template = templateFor(ctx, shipment);
  const needsFreight = ctx.freightOnly === true || template.packageNeedsFreight;
  const maskKey = tierIndex * 2 + (needsFreight ? 1 : 0);
  let mask = template.candidateMasks[maskKey];
  if (mask === MASK_UNKNOWN) {
    mask = 0;
    for (const service of candidateServices(ctx, def, needsFreight))
      if (staticallyCarries(shipment.warehouse, template, service, levelFor(def, service)))
        mask |= 1 << service.index;
    template.candidateMasks[maskKey] = mask;
  }
  const id = ctx.plan.classes.idOf(shipment.warehouse.index, mask, template.coldChain);
  ctx.plan.classes.assign(slot, keyOffset, id);
  return id;
}

/** `classMayBeCarried`, memoised per quote. */
function classVerdict(ctx: QuoteContext, id: number): boolean {
  let verdict = ctx.classVerdicts[id];
  if (verdict === undefined) {
    verdict = classMayBeCarried(ctx, id);
    ctx.classVerdicts[id] = verdict;
    if (id < 31) {
      if (verdict) ctx.liveClasses |= 1 << id;
      else ctx.deadClasses |= 1 << id;
    }
  }
  return verdict;
}

/** Flag of a class mask that lacks some slot's class (it can rule an allocation out, never let it through). */
const PARTIAL = 1 << 31;

/**
 * `mayBeCarried` for allocation `a` of a group, through the mask of its slots' classes (`SlotClasses.classMasks`):
 * ruled out when a class already decided in this quote cannot be carried, let through when the mask is complete and
 * every class may be; otherwise the slots are walked (deciding what is missing) and the mask is brought up to date.
 * A walk stops at the first slot that cannot be carried, so later slots may have no class yet: their mask is
 * partial, which is enough to rule the allocation out again at once.
 */
export function allocationMayBeCarried(
  ctx: QuoteContext,
  def: TierDefinition,
  tierIndex: number,
  group: { offsets: Int32Array; slots: Int32Array },
  masks: Int32Array,
  a: number,
): boolean {
  const mask = masks[a];
  if (mask !== 0) {
    if ((mask & ctx.deadClasses) !== 0) return false;
    if ((mask & ~ctx.liveClasses) === 0) return true;
  }
  const { offsets, slots } = group;
  const may = mayBeCarried(ctx, def, tierIndex, slots, offsets[a], offsets[a + 1]);
  if (mask === 0 || (mask & PARTIAL) !== 0) {
    const { ofSlot } = ctx.plan.classes;
    const keyOffset = tierIndex * 2 + (ctx.freightOnly === true ? 1 : 0);
    let bits = 0;
    for (let j = offsets[a]; j < offsets[a + 1]; j += 1) {
      const id = ofSlot[slots[j] * CLASS_KEYS + keyOffset] - 1;
      bits |= id < 0 || id > 30 ? PARTIAL : 1 << id;
    }
    masks[a] = bits;
  }
  return may;
}

/** `warehouseMayCarry`, memoised per quote. */
function warehouseVerdict(ctx: QuoteContext, def: TierDefinition, tierIndex: number, w: number): boolean {
  let reaches = ctx.warehouseVerdicts[w * TIER_COUNT + tierIndex];
  if (reaches === undefined) {
    reaches = warehouseMayCarry(ctx, def, tierIndex, w);
    ctx.warehouseVerdicts[w * TIER_COUNT + tierIndex] = reaches;
  }
  return reaches;
}

/** Whether some service of the class's mask has a leg from its warehouse (fast enough for cold chain). */
function classMayBeCarried(ctx: QuoteContext, id: number): boolean {
  const { classes } = ctx.plan;
  const mask = classes.mask[id];
  return mask !== 0 && legsReach(ctx, classes.warehouse[id], mask, classes.coldChain[id]);
}

/**
 * Whether one of the services in `mask` has a leg from warehouse `w` to this address (fast enough for cold-chain
 * contents when asked). Legs are computed lazily and remembered per quote as bit masks, three per warehouse:
 * services whose leg is known, exists, and exists and is fast enough for cold chain.
 */
function legsReach(ctx: QuoteContext, w: number, mask: number, coldChain: boolean): boolean {
  const bits = (ctx.legBits ??= new Int32Array(ctx.compiled.warehouses.length * 3));
  const at = w * 3;
  const carrying = coldChain ? at + 2 : at + 1;
  if ((mask & bits[carrying]) !== 0) return true;
  let unknown = mask & ~bits[at];
  const warehouse = ctx.compiled.warehouses[w];
  const maxDays = ctx.compiled.strategy.coldChainMaxTransitDays;
  while (unknown !== 0) {
    const bit = unknown & -unknown;
    unknown ^= bit;
    const leg = destinationLeg(ctx, warehouse, ctx.compiled.services[31 - Math.clz32(bit)]);
    bits[at] |= bit;
    if (leg === null) continue;
    bits[at + 1] |= bit;
    if (!(leg.transit.max > maxDays)) bits[at + 2] |= bit;
    if ((bits[carrying] & bit) !== 0) return true;
  }
  return false;
}
