import type { CompiledWarehouse } from "../config/types";
import type { ResolvedLine } from "../packing";
import type { Allocation, AllocatedLine } from "./types";

/** Beyond this many line-to-warehouse combinations per warehouse set, only the greedy assignment is tried. */
const MAX_COMBINATIONS = 256;
/** Warehouse subsets examined per split size, so a shop with many warehouses stays fast. */
const MAX_SUBSETS = 120;

/**
 * Units a warehouse can ship. Untracked = unlimited: a warehouse without an inventory map, or a variant that no
 * warehouse lists (a product the inventory sync has not seen yet must not make checkout fail).
 */
function stockOf(w: CompiledWarehouse, line: ResolvedLine, tracked: ReadonlySet<string>): number {
  const id = line.line.variantId ?? "";
  if (!w.inventory || !tracked.has(id)) return Number.POSITIVE_INFINITY;
  return w.inventory.get(id) ?? 0;
}

function* subsets(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i < n; i += 1) yield* subsets(n, k, i + 1, [...prefix, i]);
}

/**
 * Inventory-aware ways to cover a cart, grouped by number of shipments (see `stockOf` for untracked stock).
 * `group(1)` holds the single warehouses that have everything; `group(k)` the k-warehouse splits that use
 * every one of their k warehouses. A line goes whole to one warehouse when one in the set can take it,
 * otherwise its units are split across the set, largest stock first.
 *
 * @example
 * const allocator = new Allocator(compiled.warehouses, lines);
 * allocator.group(1).length; // warehouses that can ship the whole cart
 */
export class Allocator {
  private readonly groups = new Map<number, Allocation[]>();
  private readonly tracked: Set<string>;
  private shipmentCap?: number;

  constructor(
    private readonly warehouses: readonly CompiledWarehouse[],
    private readonly lines: readonly ResolvedLine[],
  ) {
    this.tracked = new Set(
      lines.map((l) => l.line.variantId ?? "").filter((id) => warehouses.some((w) => w.inventory?.has(id))),
    );
  }

  private stock(w: CompiledWarehouse, line: ResolvedLine): number {
    return stockOf(w, line, this.tracked);
  }

  /** Memoised: every tier of every quote of the cart asks. */
  get maxShipments(): number {
    return (this.shipmentCap ??= Math.min(
      this.warehouses.length,
      this.lines.reduce((n, l) => n + l.quantity, 0),
    ));
  }

  /** True when the warehouses together hold every unit. */
  coversCart(): boolean {
    return this.lines.every(
      (l) => this.warehouses.reduce((sum, w) => sum + this.stock(w, l), 0) >= l.quantity,
    );
  }

  group(size: number): Allocation[] {
    let allocations = this.groups.get(size);
    if (!allocations) {
      allocations = size === 1 ? this.singles() : this.splits(size);
      this.groups.set(size, allocations);
    }
    return allocations;
  }

  private singles(): Allocation[] {
    return this.warehouses
      .filter((w) => this.lines.every((l) => this.stock(w, l) >= l.quantity))
      .map((w) => [
        { warehouse: w, lines: this.lines.map((resolved) => ({ resolved, quantity: resolved.quantity })) },
      ]);
  }

  private splits(size: number): Allocation[] {
    const result: Allocation[] = [];
    const seen = new Set<string>();
    let examined = 0;
    for (const subset of subsets(this.warehouses.length, size)) {
      if ((examined += 1) > MAX_SUBSETS) break;
      const set = subset.map((i) => this.warehouses[i]);
      for (const allocation of this.allocationsFor(set)) {
        if (allocation.length !== size) continue;
        const key = allocation
          .map(
            (s) =>
              `${s.warehouse.index}:${s.lines.map((l) => `${l.resolved.unit.profileKey}x${l.quantity}`).join(",")}`,
          )
          .join(";");
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(allocation);
      }
    }
    return result;
  }

  /** Every assignment of lines to warehouses of `set` (capped), each as shipments in warehouse order. */
  private allocationsFor(set: readonly CompiledWarehouse[]): Allocation[] {
    // Per line: the warehouses that can take it whole, or a fixed split when none can.
    const choices: AllocatedLineChoice[][] = [];
    for (const line of this.lines) {
      const whole = set.filter((w) => this.stock(w, line) >= line.quantity);
      if (whole.length > 0) {
        choices.push(whole.map((w) => [{ warehouse: w, quantity: line.quantity }]));
        continue;
      }
      const bySupply = [...set].sort(
        (a, b) => this.stock(b, line) - this.stock(a, line) || a.index - b.index,
      );
      let left = line.quantity;
      const parts: { warehouse: CompiledWarehouse; quantity: number }[] = [];
      for (const w of bySupply) {
        const take = Math.min(left, this.stock(w, line));
        if (take > 0) parts.push({ warehouse: w, quantity: take });
        left -= take;
        if (left === 0) break;
      }
      if (left > 0) return [];
      choices.push([parts]);
    }
    const combos = choices.reduce((n, c) => n * c.length, 1);
    const picks: number[][] = [];
    if (combos <= MAX_COMBINATIONS) {
      const walk = (i: number, acc: number[]) => {
        if (i === choices.length) picks.push(acc);
        else for (let c = 0; c < choices[i].length; c += 1) walk(i + 1, [...acc, c]);
      };
      walk(0, []);
    } else {
      picks.push(choices.map(() => 0));
    }
    return picks.map((pick) => {
      const byWarehouse = new Map<number, AllocatedLine[]>();
      pick.forEach((c, lineIndex) => {
        for (const part of choices[lineIndex][c]) {
          const list = byWarehouse.get(part.warehouse.index) ?? [];
          list.push({ resolved: this.lines[lineIndex], quantity: part.quantity });
          byWarehouse.set(part.warehouse.index, list);
        }
      });
      return set
        .filter((w) => byWarehouse.has(w.index))
        .map((w) => ({ warehouse: w, lines: byWarehouse.get(w.index)! }));
    });
  }
}

type AllocatedLineChoice = { warehouse: CompiledWarehouse; quantity: number }[];
