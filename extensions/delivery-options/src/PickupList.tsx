import type { PickupPoint } from "./pickup-api";

export type Translate = (key: string, options?: Record<string, string | number>) => string;

export interface PickupListProps {
  points: PickupPoint[];
  selectedId: string | null;
  onSelect: (point: PickupPoint | null) => void;
  translate: Translate;
  disabled?: boolean;
}

function hoursText(hours: unknown): string {
  if (typeof hours === "string") return hours;
  if (Array.isArray(hours))
    return hours
      .map((h: { days?: string; open?: string; close?: string }) => `${h.days} ${h.open}–${h.close}`)
      .join(", ");
  return "";
}

/** The eligible points as a single-choice list: name, network, address, distance, hours, hold time. */
export function PickupList({ points, selectedId, onSelect, translate, disabled }: PickupListProps) {
  return (
    <s-choice-list
      label={translate("pickup.heading")}
      name="tailroute-pickup-point"
      values={selectedId ? [selectedId] : []}
      disabled={disabled}
      onChange={(event: Event) => {
        const values = (event.currentTarget as unknown as { values?: string[] }).values ?? [];
        onSelect(points.find((p) => p.id === values[0]) ?? null);
      }}
    >
      {points.map((p) => (
        <s-choice key={p.id} value={p.id} id={`pickup-${p.id}`}>
          {`${p.name} · ${p.networkLabel}`}
          <s-text slot="details" color="subdued">
            {[
              `${p.address.address1}, ${p.address.city} ${p.address.province} ${p.address.zip}`,
              translate("pickup.distance", { miles: p.distanceMiles.toFixed(1) }),
              hoursText(p.hours),
              translate(p.holdDaysKind === "BUSINESS" ? "pickup.holdBusiness" : "pickup.hold", {
                days: p.holdDays,
              }),
              p.isSample ? translate("pickup.sample") : "",
              p.oftenUncollected ? translate("pickup.oftenUncollected") : "",
            ]
              .filter(Boolean)
              .join(" · ")}
          </s-text>
        </s-choice>
      ))}
    </s-choice-list>
  );
}

/** The points could not be loaded (or saved): the error with a retry button. */
export function ErrorWithRetry({ translate, onRetry }: { translate: Translate; onRetry: () => void }) {
  return (
    <s-banner tone="critical">
      {translate("pickup.error")}
      <s-button slot="secondary-actions" onClick={onRetry}>
        {translate("pickup.retry")}
      </s-button>
    </s-banner>
  );
}
