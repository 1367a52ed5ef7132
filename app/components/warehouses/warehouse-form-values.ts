import type { warehouseEditValues } from "../../services/admin/warehouses.server";

type Values = NonNullable<Awaited<ReturnType<typeof warehouseEditValues>>>;

/** A warehouse's values as the edit form's fields (the address flattened, numbers as typed text). */
export function warehouseFormFields(values: Values) {
  return {
    key: values.id,
    name: values.name,
    address1: values.address.address1 ?? "",
    city: values.address.city,
    state: values.address.state,
    zip: values.address.zip,
    timeZone: values.timeZone,
    cutoffLocalTime: values.cutoffLocalTime,
    handlingDays: String(values.handlingDays),
    modes: values.modes as string[],
    shopifyLocationId: values.shopifyLocationId ?? "",
    active: values.active,
    freightLevels: values.freightLevels as string[],
  };
}

export type WarehouseFormFields = ReturnType<typeof warehouseFormFields>;
