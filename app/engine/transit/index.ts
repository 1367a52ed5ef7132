export { formatDay, localNow, parseDay, parseLocalTime, weekday } from "./day-number";
export { addBusinessDays, compileCalendar, nextOpenDay } from "./holidays";
export { indexLaneStats, laneTransit } from "./lane-stats";
export {
  addLaneSample,
  businessDaysBetween,
  histogramQuantile,
  laneStatFromTally,
  type LaneTally,
  type TransitHistogram,
} from "./lane-learning";
export { shipDay } from "./ship-date";
export { deliveryDays } from "./delivery-window";
export type { BusinessCalendar, DayNumber, LaneStatsIndex, LocalNow, TransitEstimate } from "./types";
