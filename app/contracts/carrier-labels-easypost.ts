import { z } from "zod";

// EasyPost API v2 shapes read by address checks and labels (docs/carriers.md, "Address checks and labels").

const FieldError = z.union([
  z.string(),
  z.looseObject({ field: z.string().nullish(), message: z.unknown(), code: z.string().nullish() }),
]);

/** A Verification object (docs.easypost.com/docs/addresses: verifications.delivery / zip4). */
const Verification = z.looseObject({
  success: z.boolean(),
  errors: z.array(FieldError).default([]),
});

/** Address created with `verify` (docs.easypost.com/docs/addresses). */
export const EasyPostVerifiedAddress = z.looseObject({
  id: z.string(),
  street1: z.string().nullish(),
  street2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
  residential: z.boolean().nullish(),
  verifications: z.looseObject({ delivery: Verification.nullish(), zip4: Verification.nullish() }).nullish(),
});

const PostageLabel = z.looseObject({
  label_url: z.string().nullish(),
  label_pdf_url: z.string().nullish(),
  label_zpl_url: z.string().nullish(),
});

/** A bought Shipment (docs.easypost.com/docs/shipments: postage_label, selected_rate, tracking_code, tracker). */
export const EasyPostBoughtShipment = z.looseObject({
  id: z.string(),
  tracking_code: z.string().nullish(),
  postage_label: PostageLabel.nullish(),
  selected_rate: z
    .looseObject({
      carrier: z.string(),
      service: z.string(),
      carrier_account_id: z.string().nullish(),
      rate: z.string(),
      currency: z.string(),
    })
    .nullish(),
  tracker: z.looseObject({ public_url: z.string().nullish() }).nullish(),
  refund_status: z.string().nullish(),
});

/** A bought Order: its shipments, each bought (docs.easypost.com/docs/orders). */
export const EasyPostBoughtOrder = z.looseObject({
  id: z.string(),
  shipments: z.array(EasyPostBoughtShipment),
});

export const EasyPostTracker = z.looseObject({ id: z.string() });
export const EasyPostWebhookList = z.looseObject({
  webhooks: z.array(z.looseObject({ id: z.string(), url: z.string() })).default([]),
});
