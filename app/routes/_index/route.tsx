import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { withAppDb } from "../../services/shop/app-database.server";
import { appEnv, DEMO_DEFAULTS } from "../../config/env.server";
import { shopConfigSummary } from "../../services/shop/summary.server";
import { login } from "../../shopify.server";
import styles from "./styles.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  // Shopify opens the app with ?shop=…: hand over to the embedded admin.
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  const env = appEnv();
  const demo = env.demo ? await withAppDb((db) => shopConfigSummary(db, DEMO_DEFAULTS.DEMO_SHOP)) : null;
  return { showForm: Boolean(login), demo };
};

export default function Landing() {
  const { showForm, demo } = useLoaderData<typeof loader>();
  return (
    <main className="landing">
      <h1>Tailroute</h1>
      <p>US last-mile delivery for Shopify: the right warehouse, mode and carrier for every order.</p>
      {demo ? (
        <section aria-label="Demo shop">
          <h2>Demo shop: {demo.shop}</h2>
          <ul>
            <li>{demo.warehouses} warehouses</li>
            <li>{demo.carrierServices} carrier services</li>
            <li>{demo.rateCards} sample rate cards</li>
            <li>{demo.cartons} cartons</li>
            <li>{demo.productProfiles} product profiles</li>
          </ul>
        </section>
      ) : null}
      {showForm ? (
        <Form method="post" action="/auth/login">
          <label>
            <span>Shop domain</span>
            <input type="text" name="shop" placeholder="my-shop-domain.myshopify.com" />
          </label>
          <button type="submit">Log in</button>
        </Form>
      ) : null}
    </main>
  );
}
