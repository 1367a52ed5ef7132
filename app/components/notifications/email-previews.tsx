import { BlockStack, Card, Text } from "@shopify/polaris";

export interface EmailPreview {
  kind: string;
  email: { subject: string; text: string; html: string };
}

/** Each email rendered with a sample order: the subject, then the HTML body in a sandboxed frame (no scripts). */
export function EmailPreviews({ previews }: { previews: EmailPreview[] }) {
  return (
    <BlockStack gap="400">
      {previews.map((p) => (
        <Card key={p.kind}>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {p.email.subject}
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              {p.kind}
            </Text>
            <iframe
              title={`Preview of the ${p.kind} email`}
              sandbox=""
              srcDoc={p.email.html}
              style={{ width: "100%", height: 320, border: "1px solid #e1e3e5", borderRadius: 8 }}
            />
          </BlockStack>
        </Card>
      ))}
    </BlockStack>
  );
}
