import type { CarrierAccountProvider, ProviderCredentials } from "../types";
import { easyPostLabelMethods } from "./labels";
import { EasyPostApi } from "./client";
import { fromEasyPostCarrierAccounts, fromEasyPostRates, toEasyPostRateRequest } from "./mapper";

/** An EasyPost account (API key) as a CarrierAccountProvider. */
export function easyPostProvider(credentials: ProviderCredentials): CarrierAccountProvider {
  const api = new EasyPostApi(credentials);
  const listCarrierAccounts: CarrierAccountProvider["listCarrierAccounts"] = async (options) =>
    fromEasyPostCarrierAccounts(await api.listCarrierAccounts(options));
  return {
    ...easyPostLabelMethods(credentials),
    kind: "EASYPOST",
    listCarrierAccounts,
    async testConnection(options) {
      return { ok: true, carrierAccounts: await listCarrierAccounts(options) };
    },
    async getRates(shipment, options) {
      const request = toEasyPostRateRequest(shipment);
      const created =
        request.kind === "SHIPMENT"
          ? await api.createShipment(request.params, options)
          : await api.createOrder(request.params, options);
      return fromEasyPostRates(created);
    },
  };
}
