import { useEffect, useState } from "preact/hooks";
import { appUrl } from "./app-url";
import {
  fetchOrderState,
  fetchPickupPoints,
  numericId,
  postOrderChoice,
  toCents,
  type OrderPickupState,
  type PickupAddress,
  type PickupPoint,
} from "./pickup-api";
import { PickupList, type Translate, ErrorWithRetry } from "./PickupList";

/** The part of the thank-you (checkout) and order-status (customer account) APIs the picker uses. */
export interface PostPurchaseApi {
  i18n: { translate: (key: string, options?: Record<string, string | number>) => string };
  settings: { value: Record<string, unknown> };
  sessionToken: { get(): Promise<string> };
  shippingAddress?: { value?: PickupAddress };
  lines: {
    value: {
      merchandise: { id: string; type?: string };
      quantity: number;
      cost: { totalAmount: { amount: number | string } };
    }[];
  };
}

type OrderLoad =
  | { kind: "loading" }
  | { kind: "loaded"; order: OrderPickupState }
  | { kind: "notFound" }
  | { kind: "error" };
type PointsLoad = { kind: "loading" } | { kind: "loaded"; points: PickupPoint[] } | { kind: "error" };
type Notice = { tone: "success" | "info" | "critical"; text: string; retry?: string | null } | null;

/**
 * After purchase (thank-you and order-status pages, all plans): shows the current choice, lets the buyer
 * choose or change a pickup point — or go back to home delivery — while the order is unfulfilled, and hides
 * the picker once the app says the order can no longer change. `path` is the app endpoint of the target's
 * session token (checkout or customer account).
 */
export function PostPurchasePicker({
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
  const address = shopify.shippingAddress?.value;
  const lines = shopify.lines.value
    .filter((l) => l.merchandise.type === undefined || l.merchandise.type === "variant")
    .map((l) => ({
      variantId: numericId(l.merchandise.id),
      quantity: l.quantity,
      priceCents: l.quantity > 0 ? Math.round(toCents(l.cost.totalAmount.amount) / l.quantity) : 0,
    }));
  const [order, setOrder] = useState<OrderLoad>({ kind: "loading" });
  const [points, setPoints] = useState<PointsLoad>({ kind: "loading" });
  const [selected, setSelected] = useState<PickupPoint | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!orderId || !address?.zip) return;
    let live = true;
    setOrder({ kind: "loading" });
    void (async () => {
      const token = await shopify.sessionToken.get();
      const state = await fetchOrderState(base, path, token, orderId);
      if (!live) return;
      if (!state.ok) return setOrder({ kind: state.status === 404 ? "notFound" : "error" });
      setOrder({ kind: "loaded", order: state.order });
      if (!state.order.changeable) return;
      setPoints({ kind: "loading" });
      const result = await fetchPickupPoints(base, path, token, address, lines, 5);
      if (live) setPoints(result.ok ? { kind: "loaded", points: result.points } : { kind: "error" });
    })();
    return () => {
      live = false;
    };
  }, [orderId, address?.zip, attempt]);

  const send = async (pointId: string | null) => {
    if (!orderId) return;
    setBusy(true);
    const token = await shopify.sessionToken.get();
    const result = await postOrderChoice(base, path, token, orderId, pointId);
    setBusy(false);
    if (result.ok) {
      if (order.kind === "loaded")
        setOrder({ kind: "loaded", order: { ...order.order, choice: result.choice } });
      setSelected(null);
      setNotice({
        tone: "success",
        text: result.choice ? t("pickup.saved", { name: result.choice.name }) : t("pickup.homeSaved"),
      });
    } else if (result.status === 409) {
      // Fulfilled meanwhile, or the point no longer fits the order: say why and ask the app again.
      setNotice({ tone: "critical", text: `${t("pickup.orderLocked")} ${result.error ?? ""}`.trim() });
      setAttempt((n) => n + 1);
    } else {
      setNotice({
        tone: "critical",
        text: t("pickup.saveFailed", { reason: result.error ?? t("pickup.unreachable") }),
        retry: pointId,
      });
    }
  };

  if (!address?.zip || !orderId) return null;
  const choice = order.kind === "loaded" ? order.order.choice : null;
  return (
    <s-stack gap="base">
      <s-heading>{t("pickup.afterHeading")}</s-heading>
      {notice && (
        <s-banner tone={notice.tone}>
          {notice.text}
          {notice.retry !== undefined && (
            <s-button
              slot="secondary-actions"
              disabled={busy}
              onClick={() => void send(notice.retry ?? null)}
            >
              {t("pickup.retry")}
            </s-button>
          )}
        </s-banner>
      )}
      {order.kind === "loading" ? (
        <s-spinner accessibilityLabel={t("pickup.loading")} />
      ) : order.kind === "notFound" ? (
        <s-text color="subdued">{t("pickup.signIn")}</s-text>
      ) : order.kind === "error" ? (
        <ErrorWithRetry translate={t} onRetry={() => setAttempt(attempt + 1)} />
      ) : (
        <>
          <s-text>{choice ? t("pickup.current", { name: choice.name }) : t("pickup.currentHome")}</s-text>
          {!order.order.changeable ? (
            <s-text color="subdued">{t("pickup.fulfilled")}</s-text>
          ) : points.kind === "loading" ? (
            <s-spinner accessibilityLabel={t("pickup.loading")} />
          ) : points.kind === "error" ? (
            <ErrorWithRetry translate={t} onRetry={() => setAttempt(attempt + 1)} />
          ) : (
            <>
              {points.points.length === 0 ? (
                <s-text color="subdued">{t("pickup.empty")}</s-text>
              ) : (
                <>
                  <PickupList
                    points={points.points}
                    selectedId={selected?.id ?? choice?.pointId ?? null}
                    onSelect={setSelected}
                    translate={t}
                    disabled={busy}
                  />
                  <s-button
                    variant="primary"
                    disabled={!selected || selected.id === choice?.pointId || busy}
                    onClick={() => void send(selected!.id)}
                  >
                    {t("pickup.save")}
                  </s-button>
                </>
              )}
              {choice && (
                <s-button variant="secondary" disabled={busy} onClick={() => void send(null)}>
                  {t("pickup.clear")}
                </s-button>
              )}
            </>
          )}
        </>
      )}
    </s-stack>
  );
}
