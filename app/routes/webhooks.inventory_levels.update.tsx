import { inventoryLevelsUpdateAction } from "../services/warehouses/inventory-webhook-action.server";

// inventory_levels/update: a level changed at a location; the checkout callback quotes from it next.
export const action = inventoryLevelsUpdateAction;
