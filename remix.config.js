import { buildLocation } from "./app/server/build-location.mjs";

const { serverBuildPath, assetsBuildDirectory, cacheDirectory } = buildLocation();

/**
 * Remix 2 classic compiler configuration (the design card fixes remix.config.js).
 * The Shopify CLI sets SHOPIFY_APP_URL and HOST for `shopify app dev`; the dev server
 * port is taken from the environment so tunnels work unchanged.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  appDirectory: "app",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath,
  assetsBuildDirectory,
  cacheDirectory,
  publicPath: "/build/",
  serverDependenciesToBundle: [/^@shopify\/polaris/, /^@shopify\/shopify-app-remix/],
  dev: { port: Number(process.env.HMR_SERVER_PORT || 8002) },
  future: {},
};
