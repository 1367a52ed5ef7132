import { z } from "zod";

// EasyPost API v2 shapes the carrier-accounts layer reads (docs.easypost.com, cited in docs/carriers.md). Only the
// fields Tailroute uses are checked; everything else passes through (looseObject), as EasyPost adds fields freely.

/** Rate object ("Rate" in the Shipments reference): `rate` is a decimal string in `currency`. */
export const EasyPostRate = z.looseObject({
  id: z.string(),
  carrier: z.string(),
  service: z.string(),
  carrier_account_id: z.string(),
  rate: z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal amount"),
  currency: z.string().length(3),
  delivery_days: z.number().int().nullish(),
});
export type EasyPostRate = z.infer<typeof EasyPostRate>;

/** Message object: a carrier that failed to rate ("rate_error"), returned beside the other carriers' rates. */
export const EasyPostMessage = z.looseObject({
  carrier: z.string().nullish(),
  carrier_account_id: z.string().nullish(),
  type: z.string().nullish(),
  message: z.unknown(),
});

/** A Shipment (one parcel) or an Order (several) as created: both carry `rates` and `messages`. */
export const EasyPostRatedObject = z.looseObject({
  id: z.string(),
  object: z.enum(["Shipment", "Order"]),
  rates: z.array(EasyPostRate).default([]),
  messages: z.array(EasyPostMessage).default([]),
});

/** CarrierAccount object (GET /carrier_accounts answers a bare array of them). */
export const EasyPostCarrierAccount = z.looseObject({
  id: z.string(),
  object: z.literal("CarrierAccount").optional(),
  type: z.string(),
  readable: z.string().nullish(),
  description: z.string().nullish(),
});
export const EasyPostCarrierAccountList = z.array(EasyPostCarrierAccount);

/** Error object: `{ error: { code, message, errors[] } }`; `errors` holds FieldErrors or plain strings. */
export const EasyPostErrorBody = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.unknown(),
    errors: z
      .array(z.union([z.string(), z.looseObject({ field: z.string().nullish(), message: z.unknown() })]))
      .nullish(),
  }),
});
