/** Badge tone of a routing decision's status in the order log. */
export const STATUS_TONE: Record<string, "success" | "attention" | "critical" | "warning" | "info"> = {
  APPLIED: "success",
  PENDING: "attention",
  NEEDS_INPUT: "warning",
  FAILED: "critical",
  UNROUTABLE: "critical",
  /** A later decision replaced it (the order changed before fulfillment). */
  SUPERSEDED: "info",
  /** The order was cancelled: its pending actions were stopped. */
  CANCELLED: "info",
};
