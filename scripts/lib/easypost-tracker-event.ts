// An EasyPost `tracker.updated` webhook Event, as EasyPost posts it (https://docs.easypost.com/docs/webhooks and
// https://docs.easypost.com/docs/trackers): the demo's scans reach the app's EasyPost endpoint in this shape.
import { randomUUID } from "node:crypto";

export interface EasyPostScan {
  status: string;
  statusDetail: string;
  message: string;
  at: Date;
  location?: { city: string; state: string; zip: string };
}

/** The Event's JSON body for the tracker of `trackingCode`, its status the tracker's overall status. */
export function easyPostTrackerEvent(tracker: {
  trackingCode: string;
  carrier: string | null;
  status: string;
  estDeliveryDate: Date;
  scans: EasyPostScan[];
  /** Names the scan's source (EasyPost sets it for some carriers). */
  source?: string;
}): string {
  const id = () => randomUUID().replaceAll("-", "");
  return JSON.stringify({
    object: "Event",
    id: `evt_${id()}`,
    mode: "test",
    description: "tracker.updated",
    result: {
      id: `trk_${id()}`,
      object: "Tracker",
      mode: "test",
      tracking_code: tracker.trackingCode,
      carrier: tracker.carrier,
      status: tracker.status,
      est_delivery_date: tracker.estDeliveryDate.toISOString(),
      tracking_details: tracker.scans.map((scan) => ({
        object: "TrackingDetail",
        status: scan.status,
        status_detail: scan.statusDetail,
        message: scan.message,
        datetime: scan.at.toISOString(),
        ...(tracker.source ? { source: tracker.source } : {}),
        ...(scan.location
          ? { tracking_location: { object: "TrackingLocation", ...scan.location, country: "US" } }
          : {}),
      })),
    },
  });
}
