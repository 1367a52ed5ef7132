export {
  AMAZON_CODES,
  carrierKey,
  carrierSource,
  EASYPOST_STATUS,
  EASYPOST_STATUS_DETAIL,
  FALLBACK_STATUS,
  FEDEX_CODES,
  normalizeRawCode,
  normalizeShippoStatus,
  RAW_CODE_TABLES,
  SHIPPO_STATUS,
  SHIPPO_SUBSTATUS,
  UPS_CODES,
  USPS_CODES,
} from "./status-tables";
export {
  applyTrackingEvent,
  FINAL_STATUSES,
  foldTimeline,
  type TrackingState,
  type TrackingStep,
} from "./state-machine";
export {
  HOLD_REMINDER_LEAD_MS,
  HOLD_RULES,
  holdClock,
  holdState,
  networkForCarrier,
  reverseCostCents,
  type HoldClock,
  type HoldState,
} from "./hold-clock";
export { fulfillmentEventMessage, SHOPIFY_EVENT_STATUS } from "./shopify-status";
export {
  attemptNextStep,
  attemptNextStepText,
  deliveryRisk,
  type AttemptNextStep,
  type DeliveryRisk,
} from "./delivery-risk";
export { dayInZone, deliveredOnTime, destinationTimeZone, promisedDay } from "./on-time";
export {
  TRACKING_STATUSES,
  type HoldRule,
  type NormalizedCode,
  type PickupNetwork,
  type RawCodeTable,
  type ShopifyFulfillmentEventStatus,
  type TrackingSourceKind,
  type TrackingStatus,
} from "./types";
