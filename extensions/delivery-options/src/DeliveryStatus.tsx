import { useEffect, useState } from "preact/hooks";
import { appUrl } from "./app-url";
import {
  dayLabel,
  fetchDeliveryStatus,
  postAppointment,
  type AppointmentState,
  type DeliveryStatusBody,
  type ParcelStatus,
} from "./delivery-api";
import type { PostPurchaseApi } from "./PostPurchasePicker";
import type { Translate } from "./PickupList";

type Load =
  { kind: "loading" } | { kind: "loaded"; body: DeliveryStatusBody } | { kind: "hidden" } | { kind: "error" };
type Notice = { tone: "success" | "critical"; text: string } | null;

const MARK = { done: "✓", current: "→", todo: "○" } as const;
/** How many bookable days the picker lists (the app offers the calendar's whole horizon). */
const DAYS_LISTED = 10;

/**
 * After purchase (thank-you and order-status pages, all plans): each parcel's progress, the promised window, the
 * pickup point with a map link and its hold deadline, the carrier's own pages after a failed attempt, and — for a
 * freight order — the delivery appointment, which the buyer picks or changes until the cut-off. `path` is the app
 * endpoint of the target's session token.
 */
export function DeliveryStatus({
  shopify,
  orderId,
  path,
}: {
  shopify: PostPurchaseApi;
  orderId: string | undefined;
  path: string;
}) {
  const t: Translate = (key, options) => shopify.i18n.translate(key, options);
  const base = appUrl(shopify.settings.value);
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!orderId) return;
    let live = true;
    void (async () => {
      const result = await fetchDeliveryStatus(base, path, await shopify.sessionToken.get(), orderId);
      if (!live) return;
      // 404: not the signed-in buyer's order (or a guest): the pickup block already asks them to sign in.
      if (!result.ok) return setLoad({ kind: result.status === 404 ? "hidden" : "error" });
      setLoad({ kind: "loaded", body: result.body });
    })();
    return () => {
      live = false;
    };
  }, [orderId, attempt]);

  if (!orderId || load.kind === "hidden") return null;
  if (load.kind === "loading") return <s-spinner accessibilityLabel={t("status.loading")} />;
  if (load.kind === "error")
    return (
      <s-banner tone="critical">
        {t("status.error")}
        <s-button slot="secondary-actions" onClick={() => setAttempt(attempt + 1)}>
          {t("pickup.retry")}
        </s-button>
      </s-banner>
    );
  const { body } = load;
  const setAppointment = (appointment: AppointmentState | null) =>
    setLoad({ kind: "loaded", body: { ...body, appointment } });
  return (
    <s-stack gap="base">
      <s-heading>{t("status.heading")}</s-heading>
      {body.promised && (
        <s-text>
          {t("status.promised", { min: dayLabel(body.promised.min), max: dayLabel(body.promised.max) })}
        </s-text>
      )}
      {body.shipments.length === 0 && !body.appointment && (
        <s-text color="subdued">{t("status.notShipped")}</s-text>
      )}
      {body.shipments.map((parcel) => (
        <Parcel key={parcel.trackingNumber} parcel={parcel} t={t} />
      ))}
      {body.appointment && (
        <Appointment
          appointment={body.appointment}
          t={t}
          onBook={async (calendarId, day, windowId) => {
            const token = await shopify.sessionToken.get();
            const result = await postAppointment(base, path, token, { orderId, calendarId, day, windowId });
            if (result.ok) setAppointment(result.appointment);
            else if (result.status === 409) setAttempt(attempt + 1);
            return result;
          }}
        />
      )}
    </s-stack>
  );
}

function Parcel({ parcel, t }: { parcel: ParcelStatus; t: Translate }) {
  const carrier = parcel.carrier;
  return (
    <s-stack gap="small-100">
      <s-text type="strong">{t("status.parcel", { carrier, number: parcel.trackingNumber })}</s-text>
      {parcel.steps.map((step) => (
        <s-text key={step.key} color={step.state === "todo" ? "subdued" : "base"}>
          {`${MARK[step.state]} ${t(`status.step.${step.key}`)}${step.at ? ` · ${dayLabel(step.at.slice(0, 10))}` : ""}`}
        </s-text>
      ))}
      {parcel.estimatedDelivery && (
        <s-text>{t("status.estimated", { day: dayLabel(parcel.estimatedDelivery) })}</s-text>
      )}
      {parcel.exceptions.map((e) => (
        <s-banner key={`${e.status}${e.at}`} tone="warning">
          {`${t(`status.exception.${e.status}`)} (${dayLabel(e.at.slice(0, 10))})${e.description ? `: ${e.description}` : ""}`}
        </s-banner>
      ))}
      {parcel.redelivery.length > 0 && (
        <s-stack gap="small-100">
          <s-text>{t("redelivery.intro", { carrier })}</s-text>
          {parcel.redelivery.map((o) => (
            <s-link key={o.kind} href={o.url} target="_blank">
              {t(`redelivery.${o.kind}`, { carrier })}
            </s-link>
          ))}
        </s-stack>
      )}
      {parcel.pickup && (
        <s-stack gap="small-100">
          <s-text>
            {t("status.pickupAt", {
              name: parcel.pickup.name,
              address: `${parcel.pickup.address1}, ${parcel.pickup.city} ${parcel.pickup.province} ${parcel.pickup.zip}`,
            })}
          </s-text>
          <s-link href={parcel.pickup.mapUrl} target="_blank">
            {t("status.map")}
          </s-link>
          {parcel.pickup.holdExpiresAt && (
            <s-text>
              {t("status.holdUntil", { day: dayLabel(parcel.pickup.holdExpiresAt.slice(0, 10)) })}
            </s-text>
          )}
        </s-stack>
      )}
      {parcel.trackingUrl && parcel.redelivery.length === 0 && (
        <s-link href={parcel.trackingUrl} target="_blank">
          {t("status.track", { carrier })}
        </s-link>
      )}
    </s-stack>
  );
}

function Appointment({
  appointment: a,
  t,
  onBook,
}: {
  appointment: AppointmentState;
  t: Translate;
  onBook: (
    calendarId: string,
    day: string,
    windowId: string,
  ) => Promise<{ ok: true } | { ok: false; status: number; error: string | null }>;
}) {
  const current = a.booked ? `${a.booked.day}|${a.booked.windowId}` : null;
  const [selected, setSelected] = useState<string | null>(current);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const book = async () => {
    const [day, windowId] = selected!.split("|") as [string, string];
    setBusy(true);
    const result = await onBook(a.calendarId, day, windowId);
    setBusy(false);
    setNotice(
      result.ok
        ? { tone: "success", text: t("appointment.saved") }
        : {
            tone: "critical",
            text: t("appointment.failed", { reason: result.error ?? t("pickup.unreachable") }),
          },
    );
  };
  return (
    <s-stack gap="small-200">
      <s-heading>{t("appointment.heading")}</s-heading>
      {notice && <s-banner tone={notice.tone}>{notice.text}</s-banner>}
      <s-text>
        {a.booked
          ? t("appointment.booked", {
              day: dayLabel(a.booked.day),
              start: a.booked.windowStart,
              end: a.booked.windowEnd,
            })
          : t("appointment.none")}
      </s-text>
      {a.partnerName && <s-text color="subdued">{t("appointment.partner", { name: a.partnerName })}</s-text>}
      {!a.changeable ? (
        <s-text color="subdued">{t("appointment.locked")}</s-text>
      ) : a.problem === "OUTSIDE_AREA" ? (
        <s-text color="subdued">{t("appointment.outside")}</s-text>
      ) : a.days.length === 0 ? (
        <s-text color="subdued">{t("appointment.noDays")}</s-text>
      ) : (
        <>
          <s-choice-list
            label={t("appointment.pick")}
            name="tailroute-appointment"
            values={selected ? [selected] : []}
            disabled={busy}
            onChange={(event: Event) =>
              setSelected((event.currentTarget as unknown as { values?: string[] }).values?.[0] ?? null)
            }
          >
            {a.days.slice(0, DAYS_LISTED).flatMap((d) =>
              d.windows.map((w) => (
                <s-choice key={`${d.day}|${w.id}`} value={`${d.day}|${w.id}`}>
                  {`${dayLabel(d.day)} · ${w.start}–${w.end}`}
                </s-choice>
              )),
            )}
          </s-choice-list>
          <s-button
            variant="primary"
            disabled={!selected || selected === current || busy}
            onClick={() => void book()}
          >
            {t(a.booked ? "appointment.change" : "appointment.book")}
          </s-button>
        </>
      )}
    </s-stack>
  );
}
