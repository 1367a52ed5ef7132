import { useSubmit } from "@remix-run/react";
import { Modal, Text } from "@shopify/polaris";

/**
 * A destructive action's confirmation (Polaris Modal; embedded, it renders inside the app's frame): "Delete"
 * posts `intent=delete` (plus `fields`) to the page's action, "Cancel" closes it and nothing is sent.
 */
export function ConfirmDeleteModal({
  open,
  onClose,
  title,
  body,
  deleting,
  fields = {},
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  body: string;
  deleting: boolean;
  fields?: Record<string, string>;
}) {
  const submit = useSubmit();
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={title}
      primaryAction={{
        content: "Delete",
        destructive: true,
        loading: deleting,
        onAction: () => submit({ ...fields, intent: "delete" }, { method: "post" }),
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <Text as="p">{body}</Text>
      </Modal.Section>
    </Modal>
  );
}
