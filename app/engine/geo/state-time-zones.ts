/**
 * Time zone per state / territory / military code. For states that lie in one zone this is the answer; for
 * the split states listed in `SPLIT_STATES` it is only the majority zone, used when the ZIP library has no
 * answer. Data, not logic.
 */
export const STATE_TIME_ZONES: Readonly<Record<string, string>> = {
  CT: "America/New_York", DE: "America/New_York", DC: "America/New_York", GA: "America/New_York",
  ME: "America/New_York", MD: "America/New_York", MA: "America/New_York", NH: "America/New_York",
  NJ: "America/New_York", NY: "America/New_York", NC: "America/New_York", OH: "America/New_York",
  PA: "America/New_York", RI: "America/New_York", SC: "America/New_York", VT: "America/New_York",
  VA: "America/New_York", WV: "America/New_York", MI: "America/Detroit", FL: "America/New_York",
  IN: "America/Indiana/Indianapolis", KY: "America/New_York", TN: "America/Chicago",
  AL: "America/Chicago", AR: "America/Chicago", IL: "America/Chicago", IA: "America/Chicago",
  LA: "America/Chicago", MN: "America/Chicago", MS: "America/Chicago", MO: "America/Chicago",
  OK: "America/Chicago", WI: "America/Chicago", TX: "America/Chicago", KS: "America/Chicago",
  NE: "America/Chicago", ND: "America/Chicago", SD: "America/Chicago",
  CO: "America/Denver", MT: "America/Denver", NM: "America/Denver", UT: "America/Denver",
  WY: "America/Denver", ID: "America/Boise", AZ: "America/Phoenix",
  CA: "America/Los_Angeles", NV: "America/Los_Angeles", OR: "America/Los_Angeles", WA: "America/Los_Angeles",
  AK: "America/Anchorage", HI: "Pacific/Honolulu",
  PR: "America/Puerto_Rico", VI: "America/St_Thomas", GU: "Pacific/Guam", AS: "Pacific/Pago_Pago",
  MP: "Pacific/Saipan", PW: "Pacific/Palau", FM: "Pacific/Pohnpei", MH: "Pacific/Majuro",
  // Military mail is dated at its US gateway: AA/AE through the East coast, AP through the West coast.
  AA: "America/New_York", AE: "America/New_York", AP: "America/Los_Angeles",
};

/** States split across time zones: ask the ZIP-level library. */
export const SPLIT_STATES: ReadonlySet<string> = new Set([
  "FL", "IN", "KY", "TN", "MI", "TX", "KS", "NE", "ND", "SD", "ID", "OR", "AK",
]);
