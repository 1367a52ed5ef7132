import { Link, useLocation, useNavigation } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Box, Frame, Loading, Navigation, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { ADMIN_PAGES } from "./admin-nav";
import { ToastProvider } from "./toast-context";

/**
 * The admin's chrome. Embedded: App Bridge's NavMenu fills the Shopify admin's sidebar. Demo session: there is
 * no Shopify admin around the page, so a Polaris Navigation plays its part.
 */
export function AdminFrame({ demo, children }: { demo: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  const loading = useNavigation().state === "loading";
  const navigation = demo ? (
    <Navigation location={pathname}>
      <Box padding="400">
        <Text as="p" variant="headingMd">
          Tailroute
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          Demo session — not connected to Shopify
        </Text>
      </Box>
      <Navigation.Section
        items={ADMIN_PAGES.map((page) => ({
          label: page.label,
          url: page.url,
          exactMatch: page.url === "/app",
        }))}
      />
    </Navigation>
  ) : undefined;
  return (
    <Frame navigation={navigation}>
      {demo ? null : (
        <NavMenu>
          {ADMIN_PAGES.map((page) => (
            <Link key={page.url} to={page.url} rel={page.url === "/app" ? "home" : undefined}>
              {page.label}
            </Link>
          ))}
        </NavMenu>
      )}
      {loading ? <Loading /> : null}
      <ToastProvider>{children}</ToastProvider>
    </Frame>
  );
}
