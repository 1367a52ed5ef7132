import type { PalletConfig } from "../types";
import type { PackedPackage } from "./types";

/** The pallet assumed when a shop lists none: 48 × 40 in (GMA), 6 in deck, 40 lb, loaded up to 72 in and 2,500 lb. */
export const DEFAULT_PALLET: PalletConfig = {
  id: "48x40",
  lengthIn: 48,
  widthIn: 40,
  deckHeightIn: 6,
  tareWeightLb: 40,
  maxHeightIn: 72,
  maxWeightLb: 2500,
};

/** An LTL handling unit before classing: a loaded pallet, or one package on its own skid or crate. */
export interface HandlingUnit {
  kind: "PALLET" | "OWN_SKID";
  pallet?: PalletConfig;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  /** Contents + pallet tare. */
  weightOz: number;
  packages: PackedPackage[];
  /** False when any package on it must not be stacked on (the unit itself is then not stackable). */
  stackable: boolean;
}

interface Shelf {
  depthIn: number;
  usedLengthIn: number;
}

interface Layer {
  heightIn: number;
  shelves: Shelf[];
  /** A non-stackable package sits in this layer: no layer may go above it. */
  closed: boolean;
}

interface OpenPallet {
  pallet: PalletConfig;
  layers: Layer[];
  weightOz: number;
  packages: PackedPackage[];
}

const EPS = 1e-9;

/** Sides of a package lying on its largest face: footprint (a ≥ b) and height c. */
function lying(p: PackedPackage): [number, number, number] {
  // PackedPackage dimensions are sorted longest first.
  return [p.lengthIn, p.widthIn, p.heightIn];
}

const isStackable = (p: PackedPackage) => p.units.every((u) => u.stackable !== false);
const isOwnSkid = (p: PackedPackage) => p.units.some((u) => u.ownSkid === true);

function fitsPallet(pallet: PalletConfig, p: PackedPackage): boolean {
  const [a, b, c] = lying(p);
  const footprint =
    (a <= pallet.lengthIn + EPS && b <= pallet.widthIn + EPS) ||
    (a <= pallet.widthIn + EPS && b <= pallet.lengthIn + EPS);
  return (
    footprint &&
    pallet.deckHeightIn + c <= pallet.maxHeightIn + EPS &&
    pallet.tareWeightLb * 16 + p.weightOz <= pallet.maxWeightLb * 16 + EPS
  );
}

const stackHeight = (open: OpenPallet) => open.layers.reduce((sum, l) => sum + l.heightIn, 0);

/** Places a footprint on a layer's shelves (along the pallet length, shelves across its width). */
function placeOnLayer(open: OpenPallet, layer: Layer, p: PackedPackage, roomAboveIn: number): boolean {
  const [a, b, c] = lying(p);
  const { lengthIn: L, widthIn: W } = open.pallet;
  // A taller package raises the layer; the stack must stay under the pallet's maximum height.
  if (c > layer.heightIn && c - layer.heightIn > roomAboveIn + EPS) return false;
  const orientations: [number, number][] = [
    [a, b],
    [b, a],
  ];
  for (const shelf of layer.shelves) {
    for (const [along, across] of orientations) {
      if (across <= shelf.depthIn + EPS && shelf.usedLengthIn + along <= L + EPS) {
        shelf.usedLengthIn += along;
        layer.heightIn = Math.max(layer.heightIn, c);
        return true;
      }
    }
  }
  const usedDepth = layer.shelves.reduce((sum, s) => sum + s.depthIn, 0);
  for (const [along, across] of orientations) {
    if (along <= L + EPS && usedDepth + across <= W + EPS) {
      layer.shelves.push({ depthIn: across, usedLengthIn: along });
      layer.heightIn = Math.max(layer.heightIn, c);
      return true;
    }
  }
  return false;
}

function placeOnPallet(open: OpenPallet, p: PackedPackage): boolean {
  const { pallet } = open;
  if (open.weightOz + p.weightOz > pallet.maxWeightLb * 16 + EPS) return false;
  const room = pallet.maxHeightIn - pallet.deckHeightIn - stackHeight(open);
  const top = open.layers[open.layers.length - 1];
  let placed = top !== undefined && placeOnLayer(open, top, p, room);
  if (!placed && (top === undefined || !top.closed)) {
    const layer: Layer = { heightIn: 0, shelves: [], closed: false };
    if (lying(p)[2] <= room + EPS && placeOnLayer(open, layer, p, room)) {
      open.layers.push(layer);
      placed = true;
    }
  }
  if (!placed) return false;
  const layer = open.layers[open.layers.length - 1];
  if (!isStackable(p)) layer.closed = true;
  open.weightOz += p.weightOz;
  open.packages.push(p);
  return true;
}

function ownSkidUnit(p: PackedPackage): HandlingUnit {
  const [a, b, c] = lying(p);
  return {
    kind: "OWN_SKID",
    lengthIn: a,
    widthIn: b,
    heightIn: c,
    weightOz: p.weightOz,
    packages: [p],
    stackable: isStackable(p),
  };
}

/**
 * Palletises a freight shipment into LTL handling units, the way a dock builds them:
 * 1. a package whose item ships on its own skid or crate, or that fits none of the merchant's pallets (footprint,
 *    loaded height, loaded weight), is a handling unit of its own;
 * 2. the others lie on their largest face, stackable ones first and biggest footprint first, and fill pallets in
 *    layers of shelves (first pallet type that holds them, in the merchant's order); a non-stackable package
 *    closes its layer: nothing goes above it;
 * 3. a pallet's unit is the pallet's footprint, deck + layers high, contents + tare heavy.
 *
 * @example
 * palletize([boxedTable, boxedTable], [DEFAULT_PALLET]).length; // 1 (two 40 × 30 × 8 boxes stack on one pallet)
 */
export function palletize(
  packages: readonly PackedPackage[],
  pallets: readonly PalletConfig[],
): HandlingUnit[] {
  const units: HandlingUnit[] = [];
  const onPallets: PackedPackage[] = [];
  for (const p of packages) {
    if (isOwnSkid(p) || !pallets.some((pallet) => fitsPallet(pallet, p))) units.push(ownSkidUnit(p));
    else onPallets.push(p);
  }
  onPallets.sort(
    (x, y) =>
      Number(isStackable(y)) - Number(isStackable(x)) ||
      y.lengthIn * y.widthIn - x.lengthIn * x.widthIn ||
      y.heightIn - x.heightIn ||
      y.weightOz - x.weightOz,
  );
  const open: OpenPallet[] = [];
  for (const p of onPallets) {
    if (open.some((o) => placeOnPallet(o, p))) continue;
    const pallet = pallets.find((candidate) => fitsPallet(candidate, p))!;
    const fresh: OpenPallet = { pallet, layers: [], weightOz: pallet.tareWeightLb * 16, packages: [] };
    placeOnPallet(fresh, p);
    open.push(fresh);
  }
  for (const o of open) {
    units.push({
      kind: "PALLET",
      pallet: o.pallet,
      lengthIn: o.pallet.lengthIn,
      widthIn: o.pallet.widthIn,
      heightIn: o.pallet.deckHeightIn + stackHeight(o),
      weightOz: o.weightOz,
      packages: o.packages,
      stackable: o.packages.every(isStackable),
    });
  }
  return units;
}
