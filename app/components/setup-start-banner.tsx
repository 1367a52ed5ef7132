import { Banner, Layout, Text } from "@shopify/polaris";

/**
 * The home page's first words to a shop with nothing set up yet (a fresh install): what checkout gets until then
 * and where to start. Hidden once any step other than the carrier service registration is done.
 */
export function SetupStartBanner({ checklist }: { checklist: { key: string; done: boolean }[] }) {
  const nothingYet = checklist.every((item) => !item.done || item.key === "carrierService");
  if (!nothingYet) return null;
  return (
    <Layout.Section>
      <Banner
        tone="info"
        title="Start here: add the warehouses you ship from"
        action={{ content: "Add warehouses from Shopify locations", url: "/app/warehouses" }}
      >
        <Text as="p">
          Until a warehouse is active, Tailroute answers checkout with no rates. Pick the Shopify locations
          that ship, then add carrier services from the catalogue with your rate card CSV, your cartons and
          product dimensions, and finish with a test quote. Each step below links to its page.
        </Text>
      </Banner>
    </Layout.Section>
  );
}
