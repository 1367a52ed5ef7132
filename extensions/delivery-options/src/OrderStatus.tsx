import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { appUrl } from "./app-url";
import { fetchPickupPoints, numericId, toCents, type PickupAddress, type PickupPoint } from "./pickup-api";
import { PickupList, type Translate } from "./PickupList";

/** The part of the customer-account order-status API this target uses. */
interface OrderStatusApi {
  i18n: { translate: (key: string, options?: Record<string, string | number>) => string };
  settings: { value: Record<string, unknown> };
  sessionToken: { get(): Promise<string> };
  order: { value?: { id: string } };
  shippingAddress?: { value?: PickupAddress };
  lines: {
    value: {
      merchandise: { id: string; type?: string };
      quantity: number;
      cost: { totalAmount: { amount: number } };
    }[];
  };
}

const api = () => (globalThis as unknown as { shopify: OrderStatusApi }).shopify;

export default async () => {
  render(<OrderPickup />, document.body);
};

type Load = { kind: "loading" } | { kind: "loaded"; points: PickupPoint[] } | { kind: "error" };

/** After purchase: choose or change the pickup point while the order is unfulfilled (the app refuses later). */
export function OrderPickup() {
  const shopify = api();
  const t: Translate = (key, options) => shopify.i18n.translate(key, options);
  const base = appUrl(shopify.settings.value);
  const address = shopify.shippingAddress?.value;
  const orderId = shopify.order.value?.id;
  const lines = shopify.lines.value
    .filter((l) => l.merchandise.type === undefined || l.merchandise.type === "variant")
    .map((l) => ({
      variantId: numericId(l.merchandise.id),
      quantity: l.quantity,
      priceCents: l.quantity > 0 ? Math.round(toCents(l.cost.totalAmount.amount) / l.quantity) : 0,
    }));
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [selected, setSelected] = useState<PickupPoint | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "critical"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!address?.zip) return;
    void (async () => {
      const token = await shopify.sessionToken.get();
      const result = await fetchPickupPoints(
        base,
        "/api/customer-account/pickup-points",
        token,
        address,
        lines,
        5,
      );
      setLoad(result.ok ? { kind: "loaded", points: result.points } : { kind: "error" });
    })();
  }, [address?.zip]);

  const save = async () => {
    if (!selected || !orderId) return;
    setBusy(true);
    try {
      const token = await shopify.sessionToken.get();
      const response = await fetch(`${base}/api/customer-account/pickup-points`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ orderId, pointId: selected.id }),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      setNotice(
        response.ok
          ? { tone: "success", text: t("pickup.saved", { name: selected.name }) }
          : {
              tone: "critical",
              text:
                response.status === 409
                  ? `${t("pickup.orderLocked")} ${body.error ?? ""}`
                  : t("pickup.saveFailed", { reason: body.error ?? String(response.status) }),
            },
      );
    } catch {
      setNotice({ tone: "critical", text: t("pickup.error") });
    } finally {
      setBusy(false);
    }
  };

  if (!address?.zip || !orderId) return null;
  return (
    <s-stack gap="base">
      <s-heading>{t("pickup.heading")}</s-heading>
      {notice && <s-banner tone={notice.tone}>{notice.text}</s-banner>}
      {load.kind === "loading" ? (
        <s-spinner accessibilityLabel={t("pickup.loading")} />
      ) : load.kind === "error" ? (
        <s-banner tone="critical">{t("pickup.error")}</s-banner>
      ) : load.points.length === 0 ? (
        <s-text color="subdued">{t("pickup.empty")}</s-text>
      ) : (
        <>
          <PickupList
            points={load.points}
            selectedId={selected?.id ?? null}
            onSelect={setSelected}
            translate={t}
            disabled={busy}
          />
          <s-button variant="primary" disabled={!selected || busy} onClick={() => void save()}>
            {t("pickup.save")}
          </s-button>
        </>
      )}
    </s-stack>
  );
}
