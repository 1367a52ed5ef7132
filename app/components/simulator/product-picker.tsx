import { useFetcher } from "@remix-run/react";
import { Autocomplete, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";

export type PickedProduct = { variantId: string; title: string };

/** How long typing pauses before the search runs (one Admin API call per pause, not per key). */
const SEARCH_DELAY_MS = 250;

/**
 * A Polaris Autocomplete over the shop's products: what the merchant types is searched on Shopify
 * (`/app/simulator/variants?q=`, one call however large the catalogue); before anything is typed it offers the
 * suggested products. Picking one hands it to `onPick` and clears the search.
 */
export function ProductPicker({
  onPick,
  suggested,
}: {
  onPick: (product: PickedProduct) => void;
  suggested: PickedProduct[];
}) {
  const search = useFetcher<{ products: PickedProduct[]; error: string | null }>();
  const [typed, setTyped] = useState("");
  const { load } = search;
  useEffect(() => {
    const term = typed.trim();
    if (term === "") return;
    const timer = setTimeout(
      () => load(`/app/simulator/variants?q=${encodeURIComponent(term)}`),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [typed, load]);
  const found = typed.trim() === "" ? suggested : (search.data?.products ?? []);
  const options = found.map((p) => ({ value: p.variantId, label: p.title }));
  const pick = ([variantId]: string[]) => {
    const product = found.find((p) => p.variantId === variantId);
    if (!product) return;
    onPick(product);
    setTyped("");
  };
  const searching = search.state !== "idle";
  return (
    <Autocomplete
      options={options}
      selected={[]}
      onSelect={pick}
      loading={searching}
      emptyState={
        <Text as="p" tone="subdued">
          {search.data?.error ?? (searching ? "Searching…" : `No product matches “${typed}”`)}
        </Text>
      }
      textField={
        <Autocomplete.TextField
          label="Add a product"
          value={typed}
          onChange={setTyped}
          placeholder="Search by name or SKU"
          autoComplete="off"
        />
      }
    />
  );
}
