export { lookupZip, normalizeZip, zip3Centroid } from "./zip-lookup";
export { timeZoneForZip } from "./time-zone";
export { greatCircleMiles } from "./distance";
export { USPS_ZONE_CHART, zoneBetween, zoneForMiles, type ZoneEnd } from "./zones";
export { classifyAddress } from "./address-class";
export { nearestZips } from "./nearest";
export { STATE_TIME_ZONES } from "./state-time-zones";
export type { AddressClass, GeoPoint, ZipInfo } from "./types";
