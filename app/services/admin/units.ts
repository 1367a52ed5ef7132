import type { UnitsForm } from "../../contracts/admin-forms";

// Display units. Stored values are always inches and ounces (prisma/schema.prisma); only the admin converts.
export type Units = UnitsForm;

const OUNCES: Record<Units["weightUnit"], number> = { OZ: 1, LB: 16, KG: 35.27396195, G: 0.03527396195 };
const INCHES: Record<Units["dimensionUnit"], number> = { IN: 1, CM: 1 / 2.54 };
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export const toOunces = (value: number, unit: Units["weightUnit"]) => round(value * OUNCES[unit], 4);
export const fromOunces = (oz: number, unit: Units["weightUnit"]) => round(oz / OUNCES[unit], 2);
export const toInches = (value: number, unit: Units["dimensionUnit"]) => round(value * INCHES[unit], 4);
export const fromInches = (inches: number, unit: Units["dimensionUnit"]) => round(inches / INCHES[unit], 2);

export const unitLabel = { LB: "lb", OZ: "oz", KG: "kg", G: "g", IN: "in", CM: "cm" } as const;
