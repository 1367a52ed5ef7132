import type { TrackingStatus } from "./types";

// Forward order of the journey. A parcel only moves to a higher rank, except into the exception statuses.
const RANK: Readonly<Record<TrackingStatus, number>> = {
  LABEL_CREATED: 0,
  OUTBOUND_SCAN: 1,
  AT_SORT_CENTER: 2,
  IN_TRANSIT: 3,
  OUT_FOR_DELIVERY: 4,
  ATTEMPTED_DELIVERY: 5,
  REDELIVERY_SCHEDULED: 6,
  AVAILABLE_FOR_PICKUP: 7,
  DELIVERED: 8,
  PICKED_UP: 9,
  // Side states: entered from anywhere not final; the parcel resumes from its progress afterwards.
  DELAYED: -1,
  EXCEPTION: -1,
  // The return leg: entered from anywhere not final, and never left except to RETURNED.
  RETURN_TO_SENDER: 10,
  RETURNED: 11,
};

/** Statuses after which nothing changes the shipment any more. */
export const FINAL_STATUSES: readonly TrackingStatus[] = ["DELIVERED", "PICKED_UP", "RETURNED"];
const SIDE_STATUSES: readonly TrackingStatus[] = ["DELAYED", "EXCEPTION"];
/** A failed attempt opens a new delivery cycle: out for delivery / attempted / rescheduled may repeat. */
const REDELIVERY_CYCLE: readonly TrackingStatus[] = [
  "OUT_FOR_DELIVERY",
  "ATTEMPTED_DELIVERY",
  "REDELIVERY_SCHEDULED",
];

/**
 * What a carrier's DELIVERED means from where the parcel is: collected by the buyer at a pickup point (PICKED_UP),
 * delivered back to the sender on the return leg (RETURNED), else delivered to the buyer.
 */
function deliveredMeans(incoming: TrackingStatus, progress: TrackingStatus): TrackingStatus {
  if (incoming !== "DELIVERED") return incoming;
  if (progress === "AVAILABLE_FOR_PICKUP") return "PICKED_UP";
  if (progress === "RETURN_TO_SENDER") return "RETURNED";
  return incoming;
}

/** A shipment's state as the machine sees it. */
export interface TrackingState {
  status: TrackingStatus;
  /** The furthest forward status reached (equal to `status` unless in DELAYED / EXCEPTION). */
  progress: TrackingStatus;
  /** When `status` was entered; null = never (a fresh shipment). */
  statusAt: Date | null;
}

/** What one event does to the state. */
export type TrackingStep =
  | { kind: "TRANSITION"; next: TrackingState }
  /** The same status again, later: no transition, but the status is now known to hold since this newer time. */
  | { kind: "REFRESHED"; next: TrackingState }
  | { kind: "KEPT"; reason: "FINAL" | "STALE" | "BACKWARDS" };

/**
 * Applies one incoming event: events older than the current status (out of order) and backward moves are kept in
 * the timeline but change nothing; exceptions (DELAYED, EXCEPTION, RETURN_TO_SENDER, RETURNED) are entered from
 * any state that is not final; leaving DELAYED / EXCEPTION resumes from the last status before it; a parcel waiting at a
 * pickup point that the carrier reports DELIVERED was picked up, and one on its way back was returned to the sender.
 *
 * @example
 * const s = { status: "IN_TRANSIT", progress: "IN_TRANSIT", statusAt: new Date("2026-11-24T10:00:00Z") };
 * applyTrackingEvent(s, "AT_SORT_CENTER", new Date("2026-11-24T12:00:00Z")); // { kind: "KEPT", reason: "BACKWARDS" }
 * applyTrackingEvent(s, "IN_TRANSIT", new Date("2026-11-24T12:00:00Z")).kind; // "REFRESHED"
 * applyTrackingEvent(s, "DELAYED", new Date("2026-11-24T12:00:00Z")).kind; // "TRANSITION"
 */
export function applyTrackingEvent(
  state: TrackingState,
  incoming: TrackingStatus,
  occurredAt: Date,
): TrackingStep {
  if (FINAL_STATUSES.includes(state.status)) return { kind: "KEPT", reason: "FINAL" };
  if (state.statusAt && occurredAt.getTime() < state.statusAt.getTime())
    return { kind: "KEPT", reason: "STALE" };
  const status = deliveredMeans(incoming, state.progress);
  if (status === state.status) return { kind: "REFRESHED", next: { ...state, statusAt: occurredAt } };
  const move = (progress: TrackingStatus): TrackingStep => ({
    kind: "TRANSITION",
    next: { status, progress, statusAt: occurredAt },
  });

  if (SIDE_STATUSES.includes(status)) return move(state.progress);
  // Leaving a delay or exception resumes forward progress from the last status before it: the same status again
  // (IN_TRANSIT → DELAYED → IN_TRANSIT, RETURN_TO_SENDER → EXCEPTION → RETURN_TO_SENDER) is a real change.
  if (SIDE_STATUSES.includes(state.status) && status === state.progress) return move(status);
  if (status === "RETURN_TO_SENDER" || status === "RETURNED") {
    return RANK[status] > RANK[state.progress] ? move(status) : { kind: "KEPT", reason: "BACKWARDS" };
  }
  if (state.progress === "RETURN_TO_SENDER") return { kind: "KEPT", reason: "BACKWARDS" };
  if (RANK[status] > RANK[state.progress]) return move(status);
  const inCycle =
    (state.progress === "ATTEMPTED_DELIVERY" || state.progress === "REDELIVERY_SCHEDULED") &&
    REDELIVERY_CYCLE.includes(status);
  if (inCycle) return move(status);
  return { kind: "KEPT", reason: "BACKWARDS" };
}

/**
 * Folds a whole timeline (sorted by occurrence) from a fresh shipment: the status a shipment ends in whatever order
 * the events arrived in, used by tests and the demo to explain a timeline.
 *
 * @example
 * foldTimeline([{ status: "IN_TRANSIT", occurredAt: t1 }, { status: "DELIVERED", occurredAt: t2 }]).status; // "DELIVERED"
 */
export function foldTimeline(events: readonly { status: TrackingStatus; occurredAt: Date }[]): TrackingState {
  let state: TrackingState = { status: "LABEL_CREATED", progress: "LABEL_CREATED", statusAt: null };
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const event of sorted) {
    const step = applyTrackingEvent(state, event.status, event.occurredAt);
    if (step.kind !== "KEPT") state = step.next;
  }
  return state;
}
