import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import type { carrierAccountsPage } from "../../services/carrier-accounts/account-store.server";

type Account = Awaited<ReturnType<typeof carrierAccountsPage>>["accounts"][number];

const TONE = { OK: "success", FAILED: "critical" } as const;

/** The connected accounts: key hint, last test, the carrier accounts they expose; test and disconnect. */
export function AccountList({ accounts, busy }: { accounts: Account[]; busy: boolean }) {
  if (accounts.length === 0)
    return <Text as="p">No account connected: every service is priced by its rate card.</Text>;
  return (
    <BlockStack gap="400">
      {accounts.map((a) => (
        <BlockStack key={a.id} gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              {`${a.label} · ${a.providerName}`}
            </Text>
            <Text as="span" tone="subdued">{`key ${a.apiKeyHint}`}</Text>
            <Badge tone={TONE[a.status as keyof typeof TONE]}>{a.status}</Badge>
          </InlineStack>
          {a.statusMessage ? (
            <Text as="p" tone={a.status === "FAILED" ? "critical" : "subdued"}>
              {a.statusMessage}
            </Text>
          ) : null}
          {a.carrierAccounts.length > 0 ? (
            <Text as="p">
              {`Carrier accounts: ${a.carrierAccounts.map((c) => `${c.label} (${c.id})`).join(", ")}`}
            </Text>
          ) : null}
          <InlineStack gap="200">
            <Form method="post">
              <input type="hidden" name="intent" value="test" />
              <input type="hidden" name="id" value={a.id} />
              <Button submit loading={busy}>
                Test connection
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="id" value={a.id} />
              <Button submit tone="critical" variant="plain">
                Disconnect
              </Button>
            </Form>
          </InlineStack>
        </BlockStack>
      ))}
    </BlockStack>
  );
}
