import { EasyPostWebhookList, EasyPostTracker } from "../../../contracts/carrier-labels-easypost";
import { worstRefund, type LabelMethods } from "../label-methods";
import type { RefundStatus } from "../label-types";
import { ProviderError, type ProviderCredentials } from "../types";
import { EasyPostLabelApi } from "./label-client";
import {
  fromEasyPostPurchase,
  fromEasyPostRefundStatus,
  fromEasyPostVerifiedAddress,
  toEasyPostLabelRequest,
} from "./label-mapper";
import { fromEasyPostRates, toEasyPostAddress } from "./mapper";

/** Address checks, labels, trackers and refunds of an EasyPost account (docs/carriers.md). */
export function easyPostLabelMethods(credentials: ProviderCredentials): LabelMethods {
  const api = new EasyPostLabelApi(credentials);
  return {
    async verifyAddress(address, options) {
      return fromEasyPostVerifiedAddress(await api.verifyAddress(toEasyPostAddress(address), options));
    },
    async prepareLabel(request, options) {
      const r = toEasyPostLabelRequest(request);
      const created =
        r.kind === "SHIPMENT"
          ? await api.createShipment(r.params, options)
          : await api.createOrder(r.params, options);
      const rated = fromEasyPostRates(created);
      return { providerRef: (created as { id: string }).id, rates: rated.rates };
    },
    async buyLabel({ providerRef, rate }, request, options) {
      const bought = providerRef.startsWith("order_")
        ? await api.buyOrder(providerRef, rate.carrier, rate.service, options)
        : await api.buyShipment(providerRef, rate.rateId, options);
      const label = fromEasyPostPurchase(bought, request.format);
      if (!label)
        throw new ProviderError("EASYPOST", "UNEXPECTED", "EasyPost bought the label but sent no label");
      return label;
    },
    async findLabel({ providerRef }, request, options) {
      const found = providerRef.startsWith("order_")
        ? await api.retrieveOrder(providerRef, options)
        : await api.retrieveShipment(providerRef, options);
      return fromEasyPostPurchase(found, request.format);
    },
    async createTracker(trackingCode, carrier, webhook, options) {
      // Webhooks are per account (docs.easypost.com "Webhooks"): register Tailroute's URL once, then the tracker.
      const list = EasyPostWebhookList.parse(await api.listWebhooks(options));
      const missing = !list.webhooks.some((w) => w.url === webhook.url);
      if (missing) await api.createWebhook(webhook.url, webhook.secret, options);
      const tracker = EasyPostTracker.parse(await api.createTracker(trackingCode, carrier, options));
      return { trackerId: tracker.id, webhookCreated: missing };
    },
    async refundLabel(label, options) {
      const statuses: RefundStatus[] = [];
      for (const id of label.parcelIds.length ? label.parcelIds : [label.providerRef]) {
        const refunded = (await api.refundShipment(id, options)) as { refund_status?: string | null };
        statuses.push(fromEasyPostRefundStatus(refunded.refund_status));
      }
      return worstRefund(statuses);
    },
  };
}
