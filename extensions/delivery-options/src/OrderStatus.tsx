import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { DeliveryStatus } from "./DeliveryStatus";
import { PostPurchasePicker, type PostPurchaseApi } from "./PostPurchasePicker";

/** The part of the customer-account order-status API this target uses (customer-account session token). */
type OrderStatusApi = PostPurchaseApi & { order: { value?: { id: string } } };

const api = () => (globalThis as unknown as { shopify: OrderStatusApi }).shopify;

export default async () => {
  render(<OrderStatusBlock />, document.body);
};

/** Order status page: choose or change the pickup point while the order is unfulfilled. */
export function OrderPickup() {
  const shopify = api();
  return (
    <PostPurchasePicker
      shopify={shopify}
      orderId={shopify.order.value?.id}
      path="/api/customer-account/pickup-points"
    />
  );
}

/** The whole block: the order's delivery status (timeline, pickup, redelivery, freight appointment), then the picker. */
export function OrderStatusBlock() {
  const shopify = api();
  return (
    <s-stack gap="large">
      <DeliveryStatus
        shopify={shopify}
        orderId={shopify.order.value?.id}
        path="/api/customer-account/delivery-status"
      />
      <OrderPickup />
    </s-stack>
  );
}
