import type { TierDefinition } from "./types";

/**
 * The tiers offered to buyers, in display order. Parcel tiers are offered for carts that fit parcel limits;
 * freight tiers only for carts with a bulky or over-parcel-limit item. Data, not logic.
 */
export const TIER_DEFINITIONS: readonly TierDefinition[] = [
  { code: "TR_EXPRESS", name: "Express", serviceTier: "EXPRESS" },
  { code: "TR_STANDARD", name: "Standard", serviceTier: "STANDARD" },
  { code: "TR_ECONOMY", name: "Economy", serviceTier: "ECONOMY" },
  {
    code: "TR_FREIGHT_THRESHOLD",
    name: "Freight – threshold delivery",
    serviceTier: "FREIGHT",
    freightLevel: "THRESHOLD",
  },
  {
    code: "TR_FREIGHT_ROOM_OF_CHOICE",
    name: "Freight – room of choice",
    serviceTier: "FREIGHT",
    freightLevel: "ROOM_OF_CHOICE",
  },
  {
    code: "TR_FREIGHT_WHITE_GLOVE",
    name: "Freight – white glove (unpack & install)",
    serviceTier: "FREIGHT",
    freightLevel: "WHITE_GLOVE",
  },
];
