import type { CompiledShopConfig, CompiledWarehouse } from "../config/types";
import type { PackingResult, PackUnit, ResolvedLine } from "../packing";
import { Allocator } from "./allocate";
import { SlotClasses } from "./slot-classes";
import type { Allocation, ShipmentAllocation } from "./types";

/** One shipment's contents (warehouse + lines), its packing signature, and what follows from its packing. */
export interface ShipmentTemplate {
  lines: { unit: PackUnit; quantity: number }[];
  /** `cartSignature(lines)`. */
  signature: string;
  /** The packing last returned for it, and what follows from that packing. */
  packing?: PackingResult;
  /** A package is over the parcel limits (before the shop's freight threshold is considered). */
  packageNeedsFreight: boolean;
  coldChain: boolean;
  /** `PackingCache.generation` when `packing` was last returned by the cache (-1: never asked). */
  generation: number;
  /** Per service index, whether this packing is within the service's limits (filled on demand). */
  withinLimits: (boolean | undefined)[];
  /**
   * Per `tier index * 2 + needs freight`: bit i set when service i is a candidate of the tier that passes the
   * shipment's own checks (`staticallyCarries`); -2 = not computed.
   */
  candidateMasks: Int32Array;
}

/** The slots of a group's allocations, flat: allocation `a` is `slots[offsets[a]..offsets[a + 1])`. */
export interface GroupSlots {
  offsets: Int32Array;
  slots: Int32Array;
}

/**
 * Everything about a cart that does not depend on the destination or the moment, for one compiled config:
 * inventory-feasible allocations (by shipment count) and, per distinct shipment (a "slot"), its packing. Quotes
 * of the same cart (a shop's best sellers come back all day) share it, so a quote only rates.
 */
export class CartPlan {
  readonly allocator: Allocator;
  private readonly slotByKey = new Map<string, number>();
  readonly slots: ShipmentAllocation[] = [];
  /** Per slot: contents, packing signature and packing. */
  readonly templates: (ShipmentTemplate | undefined)[] = [];
  private readonly groups = new Map<number, Allocation[]>();
  private readonly slotsByGroup = new Map<number, GroupSlots>();
  /** The slots' classes for the quotes' pruning (`mayBeCarried`). */
  readonly classes = new SlotClasses();
  /** Memo of `freightThresholdCrossed` for this cart when it depends on weight only (undefined = not computed). */
  freightThreshold?: string | null;
  /** Memo of whether a unit of the cart is bulky or beyond the parcel maximum (undefined = not computed). */
  overParcelLimits?: boolean;
  private covers?: boolean;

  constructor(
    warehouses: readonly CompiledWarehouse[],
    readonly lines: readonly ResolvedLine[],
  ) {
    this.allocator = new Allocator(warehouses, lines);
  }

  /** `Allocator.coversCart`, memoised. */
  coversCart(): boolean {
    return (this.covers ??= this.allocator.coversCart());
  }

  /** `Allocator.group`, with every shipment given its slot (`ShipmentAllocation.slot`). */
  group(size: number): Allocation[] {
    let allocations = this.groups.get(size);
    if (!allocations) {
      allocations = this.allocator.group(size);
      let count = 0;
      for (const allocation of allocations) {
        for (const shipment of allocation) this.assignSlot(shipment);
        count += allocation.length;
      }
      // The same slots as flat arrays, for the quotes' pruning walk (no object is touched per allocation).
      const offsets = new Int32Array(allocations.length + 1);
      const slots = new Int32Array(count);
      let at = 0;
      allocations.forEach((allocation, a) => {
        offsets[a] = at;
        for (const shipment of allocation) slots[at++] = shipment.slot!;
      });
      offsets[allocations.length] = at;
      this.classes.grow(this.slots);
      this.slotsByGroup.set(size, { offsets, slots });
      this.groups.set(size, allocations);
    }
    return allocations;
  }

  /** The slots of `group(size)`'s allocations (`GroupSlots`). */
  groupSlots(size: number): GroupSlots {
    let slots = this.slotsByGroup.get(size);
    if (!slots) {
      this.group(size);
      slots = this.slotsByGroup.get(size)!;
    }
    return slots;
  }

  private assignSlot(shipment: ShipmentAllocation): void {
    const key = (shipment.key ??= shipmentKey(shipment));
    let slot = this.slotByKey.get(key);
    if (slot === undefined) {
      slot = this.slots.length;
      this.slotByKey.set(key, slot);
      this.slots.push(shipment);
    }
    shipment.slot = slot;
  }
}

/** Memo key of warehouse + contents (what the per-quote evaluation memo was keyed by). */
export function shipmentKey(allocation: ShipmentAllocation): string {
  return `${allocation.warehouse.index}|${allocation.lines.map((l) => `${l.resolved.unit.profileKey}@${l.resolved.unit.weightOz}x${l.quantity}`).join(",")}`;
}

/**
 * Identity of a resolved cart for the plan cache: every field a unit is built from (variant, SKU, profile or
 * default box, name, exact weight) and the quantity, line by line in cart order.
 */
export function cartKey(lines: readonly ResolvedLine[]): string {
  let key = "";
  for (const l of lines) key += `${unitId(l.unit)}x${l.quantity},`;
  return key;
}

const unitIds = new WeakMap<PackUnit, number>();
const idsByUnitKey = new Map<string, number>();
/** Never reused (the map above may be cleared), so two distinct units never share a number. */
let nextUnitId = 0;

/**
 * A small number per distinct unit (profile key, name and exact weight: the fields a unit is built from), so a
 * cart's key is short to hash. Units are shared by the lines of the same product, so the key text is built once
 * per unit. Units with the same fields get the same number, whatever their identity.
 */
function unitId(unit: PackUnit): number {
  let id = unitIds.get(unit);
  if (id === undefined) {
    const key = `${unit.profileKey}\u0001${unit.name}\u0001${unit.weightOz}`;
    id = idsByUnitKey.get(key);
    if (id === undefined) {
      id = nextUnitId++;
      if (idsByUnitKey.size >= 100_000) idsByUnitKey.clear();
      idsByUnitKey.set(key, id);
    }
    unitIds.set(unit, id);
  }
  return id;
}

const MAX_PLANS = 5000;
const plansByConfig = new WeakMap<CompiledShopConfig, Map<string, CartPlan>>();

/**
 * The cart plan of `lines` for `compiled`, cached per compiled config (bounded: the oldest plan goes first).
 *
 * @example
 * cartPlanFor(compiled, lines).group(1).length; // warehouses that can ship the whole cart
 */
export function cartPlanFor(compiled: CompiledShopConfig, lines: readonly ResolvedLine[]): CartPlan {
  let plans = plansByConfig.get(compiled);
  if (!plans) {
    plans = new Map();
    plansByConfig.set(compiled, plans);
  }
  const key = cartKey(lines);
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= MAX_PLANS) {
      const oldest = plans.keys().next().value;
      if (oldest !== undefined) plans.delete(oldest);
    }
    plan = new CartPlan(compiled.warehouses, lines);
    plans.set(key, plan);
  }
  return plan;
}
