// Pure mapping between the provider layer's types and EasyPost API v2 shapes (docs/carriers.md cites each one).
import {
  EasyPostCarrierAccountList,
  EasyPostErrorBody,
  EasyPostRatedObject,
} from "../../../contracts/carrier-accounts-easypost";
import { zodIssuesText } from "../../../contracts/zod-issues";
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

/** Address object fields (docs.easypost.com/docs/addresses). */
export function toEasyPostAddress(address: RateAddress) {
  return {
    ...(address.name ? { name: address.name } : {}),
    ...(address.company ? { company: address.company } : {}),
    ...(address.street1 ? { street1: address.street1 } : {}),
    ...(address.street2 ? { street2: address.street2 } : {}),
    ...(address.city ? { city: address.city } : {}),
    ...(address.state ? { state: address.state } : {}),
    zip: address.zip,
    country: address.country,
    ...(address.residential !== undefined ? { residential: address.residential } : {}),
  };
}

/** Parcel object: inches and ounces, one decimal place. */
export function toEasyPostParcel(parcel: RateParcel) {
  return {
    length: oneDecimal(parcel.lengthIn),
    width: oneDecimal(parcel.widthIn),
    height: oneDecimal(parcel.heightIn),
    weight: oneDecimal(parcel.weightOz),
  };
}

/**
 * What to create to get rates: a Shipment for one parcel (POST /shipments), an Order holding one shipment per parcel
 * for several (POST /orders; its rates cover every parcel). Either way the created object carries `rates`.
 */
export function toEasyPostRateRequest(shipment: RateShipment) {
  if (shipment.parcels.length === 0) throw new Error("a shipment to rate needs at least one parcel");
  const common = {
    from_address: toEasyPostAddress(shipment.from),
    to_address: toEasyPostAddress(shipment.to),
    ...(shipment.carrierAccountIds?.length ? { carrier_accounts: shipment.carrierAccountIds } : {}),
  };
  if (shipment.parcels.length === 1)
    return {
      kind: "SHIPMENT" as const,
      params: { ...common, parcel: toEasyPostParcel(shipment.parcels[0]) },
    };
  return {
    kind: "ORDER" as const,
    params: { ...common, shipments: shipment.parcels.map((p) => ({ parcel: toEasyPostParcel(p) })) },
  };
}

const messageText = (value: unknown): string =>
  typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.map(messageText).join(", ")
      : JSON.stringify(value);

/** A created Shipment / Order → normalised rates and the carriers' failure messages (a partial list is normal). */
export function fromEasyPostRates(body: unknown): RatesResult {
  const parsed = EasyPostRatedObject.safeParse(body);
  if (!parsed.success)
    throw new ProviderError(
      "EASYPOST",
      "UNEXPECTED",
      `EasyPost answered an unexpected shipment: ${zodIssuesText(parsed.error)}`,
    );
  return {
    rates: parsed.data.rates.map((r) => ({
      rateId: r.id,
      carrierAccountId: r.carrier_account_id,
      carrier: r.carrier,
      service: r.service,
      amountCents: decimalToCents(r.rate),
      currency: r.currency,
      ...(typeof r.delivery_days === "number" ? { deliveryDays: r.delivery_days } : {}),
    })),
    messages: parsed.data.messages.map((m) => ({
      ...(m.carrier ? { carrier: m.carrier } : {}),
      ...(m.carrier_account_id ? { carrierAccountId: m.carrier_account_id } : {}),
      message: messageText(m.message),
    })),
  };
}

/** GET /carrier_accounts → accounts. EasyPost does not list services per account: they are typed in. */
export function fromEasyPostCarrierAccounts(body: unknown): ProviderCarrierAccount[] {
  const parsed = EasyPostCarrierAccountList.safeParse(body);
  if (!parsed.success)
    throw new ProviderError(
      "EASYPOST",
      "UNEXPECTED",
      `EasyPost answered an unexpected carrier account list: ${zodIssuesText(parsed.error)}`,
    );
  return parsed.data.map((a) => {
    const carrier = a.readable ?? a.type.replace(/Account$/, "");
    return {
      id: a.id,
      carrier,
      label: a.description ? `${carrier} (${a.description})` : carrier,
      ...(a.description ? { description: a.description } : {}),
      active: true,
      services: [],
    };
  });
}

/** HTTP status → error kind (docs.easypost.com Errors Guide). */
export function errorKindForStatus(status: number | undefined): ProviderErrorKind {
  if (status === 401 || status === 403) return "AUTH";
  if (status === 400 || status === 404 || status === 422) return "INVALID";
  if (status === 408 || status === 504) return "TIMEOUT";
  if (status === 429) return "RATE_LIMITED";
  if (status !== undefined && status >= 500) return "SERVER";
  return "UNEXPECTED";
}

/** An error answer (status + Error object body) → ProviderError with EasyPost's code and field errors. */
export function fromEasyPostError(status: number | undefined, body: unknown): ProviderError {
  const parsed = EasyPostErrorBody.safeParse(body);
  const kind = errorKindForStatus(status);
  if (!parsed.success)
    return new ProviderError("EASYPOST", kind, `EasyPost answered HTTP ${status ?? "?"}`, { status });
  const { code, message, errors } = parsed.data.error;
  const fieldErrors: ProviderFieldError[] = (errors ?? []).map((e) =>
    typeof e === "string"
      ? { message: e }
      : { ...(e.field ? { field: e.field } : {}), message: messageText(e.message) },
  );
  return new ProviderError("EASYPOST", kind, `EasyPost ${code}: ${messageText(message)}`, {
    status,
    code,
    fieldErrors,
  });
}
