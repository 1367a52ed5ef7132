import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/purchase.checkout.shipping-option-list.render-after";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { appUrl } from "./app-url";
import { saveCartChoice, storedCartChoice } from "./cart-choice";
import {
  choiceValue,
  contextOf,
  fetchPickupPoints,
  numericId,
  queryKey,
  toCents,
  type PickupLine,
  type PickupPoint,
} from "./pickup-api";
import { PickupList, type Translate, ErrorWithRetry } from "./PickupList";

const api = () => (globalThis as unknown as { shopify: Api }).shopify;

export default async () => {
  render(<DeliveryOptions />, document.body);
};

type Load =
  { kind: "idle" } | { kind: "loading" } | { kind: "loaded"; points: PickupPoint[] } | { kind: "error" };
type Notice = { tone: "info" | "success" | "warning" | "critical"; text: string } | null;

function cartLines(shopify: Api): PickupLine[] {
  return shopify.lines.value
    .filter((l) => l.merchandise.type === "variant")
    .map((l) => ({
      variantId: numericId(l.merchandise.id),
      quantity: l.quantity,
      priceCents: l.quantity > 0 ? Math.round(toCents(l.cost.totalAmount.amount) / l.quantity) : 0,
    }));
}

/** Tier explainer for the Tailroute rates on offer, then the pickup-point picker. */
export function DeliveryOptions() {
  const shopify = api();
  const t: Translate = (key, options) => shopify.i18n.translate(key, options);
  const settings = shopify.settings.value as Record<string, unknown>;
  const codes = [
    ...new Set(
      shopify.deliveryGroups.value
        .flatMap((g) => g.deliveryOptions.map((o) => o.code))
        .filter((c) => c?.startsWith("TR_")),
    ),
  ];
  return (
    <s-stack gap="base">
      {settings.show_tier_explainer !== false && codes.length > 0 && (
        <s-stack gap="small-200">
          <s-text type="strong">{t("tiers.heading")}</s-text>
          {codes.map((code) => (
            <s-text key={code} color="subdued">
              {t(`tiers.${code}`)}
            </s-text>
          ))}
        </s-stack>
      )}
      <PickupPicker />
    </s-stack>
  );
}

export function PickupPicker() {
  const shopify = api();
  const t: Translate = (key, options) => shopify.i18n.translate(key, options);
  const settings = shopify.settings.value as Record<string, unknown>;
  const limit = Math.min(Math.max(Number(settings.max_points) || 5, 1), 25);
  const address = shopify.shippingAddress?.value;
  const lines = cartLines(shopify);
  const key = queryKey(address, lines);
  const context = contextOf(key);
  // Read back once per mount: a multi-step checkout remounts this target, and the cart keeps the choice.
  const [stored] = useState(() => storedCartChoice(shopify));

  const [open, setOpen] = useState(stored !== null);
  const [load, setLoad] = useState<Load>({ kind: "idle" });
  const [selected, setSelected] = useState<string | null>(stored?.pointId ?? null);
  const [notice, setNotice] = useState<Notice>(null);
  const [attempt, setAttempt] = useState(0);
  const lastKey = useRef(key);
  // Effects read the current choice through a ref, so a clear started by one never repeats in another.
  const current = useRef(selected);

  const persist = async (point: PickupPoint | null, after: Notice) => {
    const outcome = await saveCartChoice(shopify, point ? choiceValue(point, context) : null);
    if (!outcome.ok) {
      setNotice({
        tone: "warning",
        text:
          outcome.reason === "CANNOT_SAVE"
            ? t("pickup.cannotSave")
            : t("pickup.saveFailed", { reason: outcome.reason }),
      });
      return false;
    }
    current.current = point?.id ?? null;
    setSelected(point?.id ?? null);
    setNotice(after);
    return true;
  };
  const clearStale = () => {
    const before = current.current;
    if (!before) return;
    current.current = null;
    void persist(null, { tone: "info", text: t("pickup.cleared") }).then((ok) => {
      if (!ok) current.current = before;
    });
  };

  // On mount: a choice saved for another address or cart (changed on another step) is stale.
  useEffect(() => {
    if (stored?.ctx && stored.ctx !== context) clearStale();
  }, []);

  // The address or the cart changed: an earlier choice may no longer fit, so it is cleared.
  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    clearStale();
  }, [key]);

  useEffect(() => {
    if (!open || !address?.zip) return;
    let live = true;
    setLoad({ kind: "loading" });
    (async () => {
      const token = await shopify.sessionToken.get();
      const result = await fetchPickupPoints(
        appUrl(settings),
        "/api/checkout/pickup-points",
        token,
        address,
        lines,
        limit,
      );
      if (!live) return;
      if (!result.ok) return setLoad({ kind: "error" });
      setLoad({ kind: "loaded", points: result.points });
      // The cart stopped being eligible for the chosen point: clear it rather than route somewhere impossible.
      if (current.current && !result.points.some((p) => p.id === current.current)) clearStale();
    })();
    return () => {
      live = false;
    };
  }, [open, key, attempt]);

  if (!open)
    return (
      <s-stack gap="small-200">
        {notice && <s-banner tone={notice.tone}>{notice.text}</s-banner>}
        <s-button variant="secondary" onClick={() => setOpen(true)}>
          {t("pickup.toggle")}
        </s-button>
      </s-stack>
    );

  const close = async () => {
    if (current.current) await persist(null, null);
    setOpen(false);
  };
  return (
    <s-stack gap="base">
      {notice && <s-banner tone={notice.tone}>{notice.text}</s-banner>}
      {!address?.zip ? (
        <s-text color="subdued">{t("pickup.noAddress")}</s-text>
      ) : load.kind === "loading" || load.kind === "idle" ? (
        <s-stack direction="inline" gap="small-200">
          <s-spinner accessibilityLabel={t("pickup.loading")} />
          <s-text>{t("pickup.loading")}</s-text>
        </s-stack>
      ) : load.kind === "error" ? (
        <ErrorWithRetry translate={t} onRetry={() => setAttempt(attempt + 1)} />
      ) : load.points.length === 0 ? (
        <s-text color="subdued">{t("pickup.empty")}</s-text>
      ) : (
        <PickupList
          points={load.points}
          selectedId={selected}
          translate={t}
          onSelect={(point) =>
            void persist(
              point,
              point ? { tone: "success", text: t("pickup.chosen", { name: point.name }) } : null,
            )
          }
        />
      )}
      <s-button variant="secondary" onClick={() => void close()}>
        {t("pickup.hide")}
      </s-button>
    </s-stack>
  );
}
