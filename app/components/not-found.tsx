import { Banner, Page } from "@shopify/polaris";

/** What an admin page shows when its record is not this shop's (or does not exist): the loader answered 404. */
export function NotFound({ message }: { message: string }) {
  return (
    <Page title="Not found" backAction={{ content: "Home", url: "/app" }}>
      <Banner tone="warning" title="Nothing to show here">
        <p>{message}</p>
      </Banner>
    </Page>
  );
}
