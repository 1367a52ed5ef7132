import type { LoaderFunctionArgs } from "@remix-run/node";
import { answerPromiseRequest } from "../services/storefront/promise-endpoint.server";
import { authenticate } from "../shopify.server";

// Storefront → Shopify's app proxy (/apps/tailroute/promise) → here (docs/storefront.md): the product page's
// delivery promise. authenticate.public.appProxy checks the proxy's signature; the service does the rest.
export const loader = ({ request }: LoaderFunctionArgs) =>
  answerPromiseRequest(request, (r) => authenticate.public.appProxy(r));
