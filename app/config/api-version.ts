import { ApiVersion } from "@shopify/shopify-app-remix/server";

/** The Admin API version every call and webhook of the app uses (keep in step with shopify.app.toml). */
export const API_VERSION = ApiVersion.October26;
