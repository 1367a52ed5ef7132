// Pure mapping between the provider layer's types and the Shippo API shapes as the official SDK (`shippo` 2)
// types them (camelCase; the SDK converts to and from the wire's snake_case). docs/carriers.md cites each shape.
import type {
  AddressCreateRequest,
  CarrierAccountWithExtraInfo,
  ParcelCreateRequest,
  Shipment,
  ShipmentCreateRequest,
} from "shippo/models/components";
import { decimalToCents, oneDecimal } from "../money";
import {
  ProviderError,
  type ProviderCarrierAccount,
  type ProviderErrorKind,
  type ProviderFieldError,
  type RateAddress,
  type RateParcel,
  type RateShipment,
  type RatesResult,
} from "../types";

export function toShippoAddress(address: RateAddress): AddressCreateRequest {
  return {
    ...(address.name ? { name: address.name } : {}),
    ...(address.company ? { company: address.company } : {}),
    ...(address.street1 ? { street1: address.street1 } : {}),
    ...(address.street2 ? { street2: address.street2 } : {}),
    ...(address.city ? { city: address.city } : {}),
    ...(address.state ? { state: address.state } : {}),
    zip: address.zip,
    country: address.country,
    ...(address.residential !== undefined ? { isResidential: address.residential } : {}),
  };
}

/** Parcel: decimal strings with their units (inches, ounces). */
export function toShippoParcel(parcel: RateParcel): ParcelCreateRequest {
  return {
    length: oneDecimal(parcel.lengthIn).toFixed(1),
    width: oneDecimal(parcel.widthIn).toFixed(1),
    height: oneDecimal(parcel.heightIn).toFixed(1),
    distanceUnit: "in",
    weight: oneDecimal(parcel.weightOz).toFixed(1),
    massUnit: "oz",
  };
}

/** POST /shipments with `async: false`, so the answer carries the rates (Shippo's asynchronous default would not). */
export function toShippoShipmentRequest(shipment: RateShipment): ShipmentCreateRequest {
  if (shipment.parcels.length === 0) throw new Error("a shipment to rate needs at least one parcel");
  return {
    addressFrom: toShippoAddress(shipment.from),
    addressTo: toShippoAddress(shipment.to),
    parcels: shipment.parcels.map(toShippoParcel),
    async: false,
    ...(shipment.carrierAccountIds?.length ? { carrierAccounts: shipment.carrierAccountIds } : {}),
  };
}

/** The created Shipment → normalised rates; `messages` name the carriers that did not rate (partial lists). */
export function fromShippoShipment(shipment: Shipment): RatesResult {
  const rates: RatesResult["rates"] = [];
  for (const r of shipment.rates) {
    const service = r.servicelevel.token ?? r.servicelevel.extendedToken;
    if (!service) continue; // a rate we could never map to a service
    rates.push({
      rateId: r.objectId,
      carrierAccountId: r.carrierAccount,
      carrier: r.provider,
      service,
      ...(r.servicelevel.name ? { serviceName: r.servicelevel.name } : {}),
      amountCents: decimalToCents(r.amount),
      currency: r.currency,
      ...(typeof r.estimatedDays === "number" ? { deliveryDays: r.estimatedDays } : {}),
    });
  }
  return {
    rates,
    messages: shipment.messages.map((m) => ({
      ...(m.source ? { carrier: m.source } : {}),
      message: [m.code, m.text].filter(Boolean).join(": ") || "carrier did not rate",
    })),
  };
}

/** GET /carrier_accounts?service_levels=true → accounts with their service levels. */
export function fromShippoCarrierAccounts(list: CarrierAccountWithExtraInfo[]): ProviderCarrierAccount[] {
  return list
    .filter((a) => a.objectId)
    .map((a) => {
      const carrier =
        typeof a.carrierName === "string" && a.carrierName ? a.carrierName : a.carrier.toUpperCase();
      const owner = a.isShippoAccount ? "Shippo account" : a.accountId;
      return {
        id: a.objectId!,
        carrier,
        label: `${carrier} (${owner})`,
        active: a.active !== false,
        services: (a.serviceLevels ?? [])
          .filter((s): s is { token: string; name?: string } => typeof s.token === "string")
          .map((s) => ({ code: s.token, name: s.name ?? s.token })),
      };
    });
}

export function errorKindForStatus(status: number | undefined): ProviderErrorKind {
  if (status === 401 || status === 403) return "AUTH";
  if (status === 400 || status === 404 || status === 409 || status === 422) return "INVALID";
  if (status === 408 || status === 504) return "TIMEOUT";
  if (status === 429) return "RATE_LIMITED";
  if (status !== undefined && status >= 500) return "SERVER";
  return "UNEXPECTED";
}

/**
 * An error answer → ProviderError. Shippo documents `{"detail": "..."}` for authentication errors; validation
 * errors name the fields (`{"address_to": ["..."]}`); anything else keeps the status only.
 */
export function fromShippoError(status: number, bodyText: string): ProviderError {
  const kind = errorKindForStatus(status);
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return new ProviderError("SHIPPO", kind, `Shippo answered HTTP ${status}`, { status });
  }
  const fieldErrors: ProviderFieldError[] = [];
  let detail: string | undefined;
  if (body && typeof body === "object" && !Array.isArray(body)) {
    for (const [field, value] of Object.entries(body)) {
      const text = Array.isArray(value)
        ? value.map(String).join(", ")
        : typeof value === "string"
          ? value
          : JSON.stringify(value);
      if (field === "detail") detail = text;
      else fieldErrors.push({ field, message: text });
    }
  }
  const message = detail ?? fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new ProviderError(
    "SHIPPO",
    kind,
    `Shippo HTTP ${status}${message ? `: ${message.slice(0, 300)}` : ""}`,
    {
      status,
      fieldErrors,
    },
  );
}
