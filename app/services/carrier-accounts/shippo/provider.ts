import type { CarrierAccountProvider, ProviderCredentials } from "../types";
import { shippoLabelMethods } from "./labels";
import { ShippoApi } from "./client";
import { fromShippoCarrierAccounts, fromShippoShipment, toShippoShipmentRequest } from "./mapper";

/** A Shippo account (API token) as a CarrierAccountProvider. */
export function shippoProvider(credentials: ProviderCredentials): CarrierAccountProvider {
  const api = new ShippoApi(credentials);
  const listCarrierAccounts: CarrierAccountProvider["listCarrierAccounts"] = async (options) =>
    fromShippoCarrierAccounts(await api.listCarrierAccounts(options));
  return {
    ...shippoLabelMethods(credentials),
    kind: "SHIPPO",
    listCarrierAccounts,
    async testConnection(options) {
      return { ok: true, carrierAccounts: await listCarrierAccounts(options) };
    },
    async getRates(shipment, options) {
      return fromShippoShipment(await api.createShipment(toShippoShipmentRequest(shipment), options));
    },
  };
}
