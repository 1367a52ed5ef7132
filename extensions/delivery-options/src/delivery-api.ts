/** One parcel as the app shows it to the buyer (app/services/delivery-status/buyer-timeline.ts). */
export interface ParcelStatus {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: string;
  steps: { key: string; state: "done" | "current" | "todo"; at: string | null }[];
  exceptions: { status: string; at: string; description: string | null }[];
  estimatedDelivery: string | null;
  promised: { min: string; max: string } | null;
  pickup: {
    name: string;
    address1: string;
    city: string;
    province: string;
    zip: string;
    mapUrl: string;
    holdExpiresAt: string | null;
  } | null;
  redelivery: { kind: "change" | "reschedule" | "track"; url: string }[];
}

export interface AppointmentState {
  calendarId: string;
  partnerName: string | null;
  booked: { day: string; windowId: string; windowStart: string; windowEnd: string; timeZone: string } | null;
  changeable: boolean;
  days: { day: string; windows: { id: string; start: string; end: string; seatsLeft: number }[] }[];
  problem: "OUTSIDE_AREA" | null;
}

export interface DeliveryStatusBody {
  order: { id: string; name: string; status: string };
  promised: { min: string; max: string } | null;
  shipments: ParcelStatus[];
  appointment: AppointmentState | null;
}

export type StatusResult = { ok: true; body: DeliveryStatusBody } | { ok: false; status: number };

/** GET the buyer's view of the order with the target's session token. */
export async function fetchDeliveryStatus(
  baseUrl: string,
  path: string,
  token: string,
  orderId: string,
): Promise<StatusResult> {
  try {
    const response = await fetch(`${baseUrl}${path}?${new URLSearchParams({ orderId })}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, body: (await response.json()) as DeliveryStatusBody };
  } catch {
    return { ok: false, status: 0 };
  }
}

export type BookingResult =
  { ok: true; appointment: AppointmentState | null } | { ok: false; status: number; error: string | null };

/** POST the buyer's chosen appointment window for the order. */
export async function postAppointment(
  baseUrl: string,
  path: string,
  token: string,
  booking: { orderId: string; calendarId: string; day: string; windowId: string },
): Promise<BookingResult> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(booking),
    });
    const body = (await response.json().catch(() => ({}))) as {
      error?: string;
      appointment?: AppointmentState | null;
    };
    if (!response.ok) return { ok: false, status: response.status, error: body.error ?? null };
    return { ok: true, appointment: body.appointment ?? null };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}

/** "2026-12-17" → "Thu, Dec 17" in the buyer's language (the day itself, not shifted by any time zone). */
export function dayLabel(day: string, locale?: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}
