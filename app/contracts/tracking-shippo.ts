import { z } from "zod";

// Shippo `track_updated` webhook (docs.goshippo.com "Webhooks", "Tracking"): { event: "track_updated", test,
// data: Track } where Track = { carrier, tracking_number, eta, tracking_status, tracking_history[] }.

const ShippoLocation = z.looseObject({
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
});

export const ShippoTrackingStatus = z.looseObject({
  object_id: z.string().nullish(),
  status: z.string(),
  status_details: z.string().nullish(),
  status_date: z.iso.datetime({ offset: true }),
  substatus: z
    .looseObject({ code: z.string(), text: z.string().nullish(), action_required: z.boolean().nullish() })
    .nullish(),
  location: ShippoLocation.nullish(),
});
export type ShippoTrackingStatus = z.infer<typeof ShippoTrackingStatus>;

export const ShippoTrackUpdated = z.looseObject({
  event: z.literal("track_updated"),
  test: z.boolean().nullish(),
  data: z.looseObject({
    carrier: z.string().min(1),
    tracking_number: z.string().min(1),
    eta: z.iso.datetime({ offset: true }).nullish(),
    tracking_status: ShippoTrackingStatus.nullish(),
    tracking_history: z.array(ShippoTrackingStatus).default([]),
  }),
});
export type ShippoTrackUpdated = z.infer<typeof ShippoTrackUpdated>;
