/**
 * The Tailroute app the extension calls. Release builds set it here (the app's production URL, the same as
 * `application_url` in shopify.app.toml); the merchant-facing "App URL override" setting exists only for
 * staging and development tunnels. See docs/pickup-points.md, "Extension setup".
 */
export const DEFAULT_APP_URL = "https://tailroute.example.com";

export function appUrl(settings: Record<string, unknown> | undefined): string {
  const override = settings?.app_url;
  const url =
    typeof override === "string" && /^https:\/\/\S+$/.test(override.trim())
      ? override.trim()
      : DEFAULT_APP_URL;
  return url.replace(/\/+$/, "");
}
