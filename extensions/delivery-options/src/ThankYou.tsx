import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { DeliveryStatus } from "./DeliveryStatus";
import { PostPurchasePicker, type PostPurchaseApi } from "./PostPurchasePicker";

/** The part of the thank-you API this target uses: the order from `orderConfirmation` (checkout token). */
type ThankYouApi = PostPurchaseApi & { orderConfirmation: { value?: { order: { id: string } } } };

const api = () => (globalThis as unknown as { shopify: ThankYouApi }).shopify;

export default async () => {
  render(<ThankYouBlock />, document.body);
};

/** Thank-you page (all plans): the same picker; the checkout session token's `sub` must own the order. */
export function ThankYouPickup() {
  const shopify = api();
  return (
    <PostPurchasePicker
      shopify={shopify}
      orderId={shopify.orderConfirmation.value?.order.id}
      path="/api/checkout/pickup-points"
    />
  );
}

/** The whole block: the order's delivery status (timeline, pickup, redelivery, freight appointment), then the picker. */
export function ThankYouBlock() {
  const shopify = api();
  return (
    <s-stack gap="large">
      <DeliveryStatus
        shopify={shopify}
        orderId={shopify.orderConfirmation.value?.order.id}
        path="/api/checkout/delivery-status"
      />
      <ThankYouPickup />
    </s-stack>
  );
}
