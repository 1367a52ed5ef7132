/** The admin's pages, in menu order: one list for App Bridge's NavMenu (embedded) and Polaris Navigation (demo). */
export const ADMIN_PAGES = [
  { label: "Home", url: "/app" },
  { label: "Warehouses", url: "/app/warehouses" },
  { label: "Carriers & services", url: "/app/carriers" },
  { label: "Carrier accounts", url: "/app/carrier-accounts" },
  { label: "Cartons", url: "/app/cartons" },
  { label: "Products", url: "/app/products" },
  { label: "Routing", url: "/app/routing" },
  { label: "Pickup points", url: "/app/pickup-points" },
  { label: "Rate simulator", url: "/app/simulator" },
  { label: "Orders", url: "/app/orders" },
  { label: "Delivery appointments", url: "/app/appointments" },
  { label: "Buyer notifications", url: "/app/notifications" },
  { label: "Background work", url: "/app/jobs" },
  { label: "Settings", url: "/app/settings" },
] as const;
