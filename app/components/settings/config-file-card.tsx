import { useFetcher } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import type { SaveResult } from "../../services/admin/form-data";
import { DownloadButton } from "../download-button";
import { ErrorsBanner } from "../errors-banner";
import { useActionToast } from "../use-action-toast";

/** Export the whole configuration as JSON, or replace it with a file (nothing saved if the file has an error). */
export function ConfigFileCard({ shop }: { shop: string }) {
  const importer = useFetcher<SaveResult>();
  useActionToast(importer.data);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack>
          <DownloadButton
            url="/app/settings/export"
            filename={`${shop.replace(".myshopify.com", "")}-tailroute.json`}
          >
            Export configuration
          </DownloadButton>
        </InlineStack>
        <Text as="p" tone="subdued">
          Importing replaces the whole configuration of this shop. Nothing is saved if the file has an error.
        </Text>
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Configuration file"
          onChange={async (event) => {
            const picked = event.currentTarget.files?.[0];
            setFile(picked ? { name: picked.name, text: await picked.text() } : null);
          }}
        />
        <ErrorsBanner data={importer.data} title="The configuration was not imported" />
        <InlineStack align="end">
          <Button
            variant="primary"
            tone="critical"
            disabled={!file}
            loading={importer.state !== "idle"}
            onClick={() =>
              file && importer.submit({ intent: "importConfig", config: file.text }, { method: "post" })
            }
          >
            Import and replace
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
