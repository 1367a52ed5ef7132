import { z } from "zod";

// EasyPost webhook Event carrying a Tracker (docs.easypost.com "Events", "Trackers"): { object: "Event", id,
// description: "tracker.updated" | "tracker.created", result: Tracker }. Only the fields tracking reads are checked.

const TrackingLocation = z.looseObject({
  city: z.string().nullish(),
  state: z.string().nullish(),
  country: z.string().nullish(),
  zip: z.string().nullish(),
});

export const EasyPostTrackingDetail = z.looseObject({
  message: z.string().nullish(),
  description: z.string().nullish(),
  status: z.string(),
  status_detail: z.string().nullish(),
  datetime: z.iso.datetime({ offset: true }),
  source: z.string().nullish(),
  tracking_location: TrackingLocation.nullish(),
});
export type EasyPostTrackingDetail = z.infer<typeof EasyPostTrackingDetail>;

export const EasyPostTracker = z.looseObject({
  id: z.string(),
  object: z.literal("Tracker"),
  tracking_code: z.string().min(1),
  carrier: z.string().min(1),
  status: z.string(),
  status_detail: z.string().nullish(),
  est_delivery_date: z.iso.datetime({ offset: true }).nullish(),
  tracking_details: z.array(EasyPostTrackingDetail).default([]),
});

export const EasyPostEvent = z.looseObject({
  object: z.literal("Event"),
  id: z.string(),
  description: z.string(),
  result: EasyPostTracker,
});
export type EasyPostEvent = z.infer<typeof EasyPostEvent>;
