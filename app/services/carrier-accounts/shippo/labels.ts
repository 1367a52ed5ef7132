import { worstRefund, type LabelMethods } from "../label-methods";
import type { RefundStatus } from "../label-types";
import { ProviderError, type CallOptions, type ProviderCredentials, type ProviderRate } from "../types";
import { ShippoLabelApi } from "./label-client";
import {
  fromShippoRefundStatus,
  fromShippoTransactions,
  fromShippoValidatedAddress,
  shippoLabelFileType,
} from "./label-mapper";
import { fromShippoShipment, toShippoAddress, toShippoShipmentRequest } from "./mapper";

/** Address checks, labels, trackers and refunds of a Shippo account (docs/carriers.md). */
export function shippoLabelMethods(credentials: ProviderCredentials): LabelMethods {
  const api = new ShippoLabelApi(credentials);
  // The rate bought per prepared shipment (Shippo transactions are found by rate, not by shipment).
  const find = async (
    providerRef: string,
    rate: ProviderRate,
    format: "PDF" | "ZPL",
    options?: CallOptions,
  ) => fromShippoTransactions(providerRef, rate, await api.transactionsForRate(rate.rateId, options), format);
  return {
    async verifyAddress(address, options) {
      return fromShippoValidatedAddress(await api.validateAddress(toShippoAddress(address), options));
    },
    async prepareLabel(request, options) {
      const shipment = await api.createShipment(
        { ...toShippoShipmentRequest({ ...request }), metadata: request.reference },
        options,
      );
      return { providerRef: shipment.objectId ?? "", rates: fromShippoShipment(shipment).rates };
    },
    async buyLabel({ providerRef, rate }, request, options) {
      await api.buy(rate.rateId, shippoLabelFileType(request.format), request.reference, options);
      const label = await find(providerRef, rate, request.format, options);
      if (!label)
        throw new ProviderError("SHIPPO", "UNEXPECTED", "Shippo answered the purchase without a label");
      return label;
    },
    async findLabel(prepared, request, options) {
      return find(prepared.providerRef, prepared.rate, request.format, options);
    },
    async createTracker(trackingCode, carrier, webhook, options) {
      const hooks = await api.listWebhooks(options);
      const missing = !hooks.some((h) => h.url === webhook.url);
      if (missing) await api.createWebhook(webhook.url, options);
      const track = await api.createTrack(carrier.toLowerCase(), trackingCode, options);
      return { trackerId: `${track.carrier}:${track.trackingNumber}`, webhookCreated: missing };
    },
    async refundLabel(label, options) {
      const statuses: RefundStatus[] = [];
      for (const id of label.parcelIds)
        statuses.push(fromShippoRefundStatus((await api.refund(id, options)).status));
      return worstRefund(statuses);
    },
  };
}
