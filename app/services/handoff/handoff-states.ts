/**
 * Groups of `WarehouseHandoff.state` (ACCEPTED → SENT → FULFILLED; CANCELLED; CLOSED, prisma/schema.prisma) that
 * several services ask about.
 */

/** With the warehouse and not shipped: it may still be picked, shipped, or given back. */
export const WITH_WAREHOUSE: string[] = ["ACCEPTED", "SENT"];

/** Ended without shipping: cancelled by the merchant, or given back by the warehouse. */
export const ENDED_UNSHIPPED: string[] = ["CANCELLED", "CLOSED"];
