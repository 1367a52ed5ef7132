import { Banner, List } from "@shopify/polaris";
import { allErrors } from "./form-kit";

/** A critical banner listing an action's errors (each field also shows its own inline). */
export function ErrorsBanner({ data, title = "Nothing was saved" }: { data: unknown; title?: string }) {
  const errors = allErrors(data);
  if (errors.length === 0) return null;
  return (
    <Banner tone="critical" title={title}>
      <List>
        {errors.slice(0, 20).map(([path, message]) => (
          <List.Item key={path}>{path === "form" ? message : `${path}: ${message}`}</List.Item>
        ))}
      </List>
      {errors.length > 20 ? <p>…and {errors.length - 20} more</p> : null}
    </Banner>
  );
}
