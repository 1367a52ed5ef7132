import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Outlet,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { AdminFrame } from "../components/admin-frame";
import { NotFound } from "../components/not-found";
import { appEnv } from "../config/env.server";
import { adminContext } from "../services/admin/admin-context.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
  // No favicon request (the app ships none): a 404 would be the only console error of every page.
  { rel: "icon", href: "data:," },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { demo } = await adminContext(request);
  return { apiKey: appEnv().apiKey, demo };
};

export default function App() {
  const { apiKey, demo } = useLoaderData<typeof loader>();
  // The demo session has no Shopify admin (and no internet): no App Bridge script, Polaris navigation instead.
  return (
    <AppProvider isEmbeddedApp={!demo} apiKey={apiKey}>
      <AdminFrame demo={demo}>
        <Outlet />
      </AdminFrame>
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses (e.g. the re-authentication redirect) so that
// their headers reach the browser: https://shopify.dev/docs/api/shopify-app-remix/v6/guide-headers
// A record of another shop (or none) is a 404 from the page's loader: say so inside the admin's chrome.
export function ErrorBoundary() {
  const error = useRouteError();
  const layout = useRouteLoaderData<typeof loader>("routes/app");
  if (layout && isRouteErrorResponse(error) && error.status === 404) {
    return (
      <AppProvider isEmbeddedApp={!layout.demo} apiKey={layout.apiKey}>
        <AdminFrame demo={layout.demo}>
          <NotFound message={typeof error.data === "string" ? error.data : "Not found"} />
        </AdminFrame>
      </AppProvider>
    );
  }
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
