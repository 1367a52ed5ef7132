import { TIER_DEFINITIONS } from "./tiers";

/** Entries per slot in `SlotClasses.ofSlot`: one per tier, with and without the shop's freight threshold. */
export const CLASS_KEYS = TIER_DEFINITIONS.length * 2;

/**
 * What a quote needs to know about a shipment (a cart-plan slot) to tell whether a tier may carry it: the warehouse,
 * the candidate services its packing is within the limits of (a bit mask), and whether it holds cold-chain items.
 * Slots with the same three share a class, so a quote decides each class once, whatever the number of splits.
 * Kept per cart plan in flat arrays (no object is read per slot on the quote's path).
 *
 * @example
 * const id = classes.idOf(0, 0b101, false); // warehouse 0, services 0 and 2, no cold chain
 * classes.warehouse[id]; // 0
 */
export class SlotClasses {
  /** Per slot × `CLASS_KEYS` (tier index * 2 + freight threshold crossed): class id + 1, 0 = not known yet. */
  ofSlot = new Int32Array(0);
  /** Per slot: the packing cache's generation when the slot's packing was last confirmed (-1 = never). */
  generation = new Int32Array(0);
  /** Per slot: its warehouse's index (known without packing). */
  warehouseOf = new Int32Array(0);
  readonly warehouse: number[] = [];
  readonly mask: number[] = [];
  readonly coldChain: boolean[] = [];
  private readonly ids = new Map<string, number>();
  private readonly allocationMasks = new Map<number, { generation: number; masks: Int32Array }>();

  /**
   * Per allocation of a group, for a key: one bit per class of its slots (classes 0–30), bit 31 when some slot's
   * class is not known (a partial mask), 0 = nothing known yet. Reset
   * whenever the packing cache has dropped an entry since (a slot's class may change only then).
   */
  classMasks(size: number, key: number, allocations: number, generation: number): Int32Array {
    const at = size * CLASS_KEYS + key;
    let entry = this.allocationMasks.get(at);
    if (!entry) {
      entry = { generation, masks: new Int32Array(allocations) };
      this.allocationMasks.set(at, entry);
    } else if (entry.generation !== generation) {
      entry.masks.fill(0);
      entry.generation = generation;
    }
    return entry.masks;
  }

  /** Makes room for the slots (new ones: classes unknown) and records their warehouses. */
  grow(slots: readonly { warehouse: { index: number } }[]): void {
    const count = slots.length;
    if (count <= this.generation.length) return;
    const warehouseOf = new Int32Array(count);
    for (let i = 0; i < count; i += 1) warehouseOf[i] = slots[i].warehouse.index;
    this.warehouseOf = warehouseOf;
    this.growTo(count);
  }

  private growTo(slots: number): void {
    const ofSlot = new Int32Array(slots * CLASS_KEYS);
    ofSlot.set(this.ofSlot);
    this.ofSlot = ofSlot;
    const generation = new Int32Array(slots).fill(-1);
    generation.set(this.generation);
    this.generation = generation;
  }

  /** Forgets a slot's classes (its packing changed). */
  forget(slot: number): void {
    this.ofSlot.fill(0, slot * CLASS_KEYS, (slot + 1) * CLASS_KEYS);
  }

  /** Sets a slot's class for a key (tier index * 2 + freight threshold crossed). */
  assign(slot: number, key: number, id: number): void {
    this.ofSlot[slot * CLASS_KEYS + key] = id + 1;
  }

  /** The id of the class (warehouse index, candidate mask ≥ 0, cold chain), created on first use. */
  idOf(warehouse: number, mask: number, coldChain: boolean): number {
    // A string, built only the first time a slot meets a tier: the walk itself reads `ofSlot`.
    const key = `${warehouse}|${mask}|${coldChain ? 1 : 0}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.warehouse.length;
      this.ids.set(key, id);
      this.warehouse.push(warehouse);
      this.mask.push(mask);
      this.coldChain.push(coldChain);
    }
    return id;
  }
}
