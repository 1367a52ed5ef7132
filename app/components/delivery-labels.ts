import type { DeliveryMode, FreightLevel } from "../engine/types";

/** Delivery modes as the admin names them. */
export const MODE_LABELS: Record<DeliveryMode, string> = {
  EXPRESS_PARCEL: "Express parcel",
  POSTAL: "Postal",
  FREIGHT: "Freight",
};

/** A warehouse's modes with the carriers behind them (its edit page). */
export const MODE_DESCRIPTIONS: Record<DeliveryMode, string> = {
  EXPRESS_PARCEL: "Express parcel (UPS, FedEx, Amazon)",
  POSTAL: "Postal (USPS)",
  FREIGHT: "Freight (LTL + final-mile crew)",
};

/** Final-mile freight service levels: short (lists) and with what the crew does (forms). */
export const FREIGHT_LEVEL_LABELS: Record<FreightLevel, { short: string; long: string }> = {
  THRESHOLD: { short: "threshold", long: "Threshold (to the first door)" },
  ROOM_OF_CHOICE: { short: "room of choice", long: "Room of choice (inside, upstairs)" },
  WHITE_GLOVE: { short: "white glove", long: "White glove (unpack, assemble, remove packaging)" },
};
