import type { AddressClass } from "./types";

// Matches "PO Box", "P.O. Box", "P O Box", "POB 12", "Post Office Box", "PO Drawer", "Box 12" at line start,
// "Postal Box", "Lock Box"… but not "Polo Box Rd" or "Boxwood Ln".
const PO_BOX =
  /\b(?:p\.?\s*o\.?\s*b(?:ox)?\.?|post\s*office\s*(?:box|drawer)|postal\s*box|p\.?\s*o\.?\s*drawer|lock\s*box|pob)\s*#?\s*\d+|^\s*box\s*#?\s*\d+/i;
// APO / FPO / DPO in the city or address lines, or a military "state".
const MILITARY_LINE = /\b(?:apo|fpo|dpo)\b|\b(?:psc|cmr|unit)\s+\d+\b/i;
const MILITARY_STATES = new Set(["AA", "AE", "AP"]);

/**
 * Classifies a delivery point as STREET, PO_BOX or MILITARY (APO/FPO/DPO). Military wins over PO box because
 * both are postal-only and military also changes the zone.
 *
 * @example
 * classifyAddress(["P.O. Box 12"], "Austin", "TX");  // "PO_BOX"
 * classifyAddress(["Unit 2050 Box 4190"], "APO", "AP"); // "MILITARY"
 * classifyAddress(["12 Boxwood Ln"], "Edison", "NJ"); // "STREET"
 */
export function classifyAddress(
  lines: readonly string[],
  city: string | undefined,
  state: string | undefined,
): AddressClass {
  if (state && MILITARY_STATES.has(state.toUpperCase())) return "MILITARY";
  if (city && /^\s*(?:apo|fpo|dpo)\s*$/i.test(city)) return "MILITARY";
  if (lines.some((l) => MILITARY_LINE.test(l))) return "MILITARY";
  if (lines.some((l) => PO_BOX.test(l))) return "PO_BOX";
  return "STREET";
}
