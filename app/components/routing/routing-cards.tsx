import { Card, FormLayout, Text } from "@shopify/polaris";
import type { UnitsForm } from "../../contracts/admin-forms";
import { TIER_CODES, tierName } from "../../format";
import {
  MarkupFields,
  MoneyInput,
  NumberInput,
  SelectInput,
  TextInput,
  WeightInput,
  type FormState,
} from "../form-kit";

type Form = { form: FormState<Record<string, string>> };

/** How rates are chosen: the strategy, its cost target and the value of a day of waiting. */
export function StrategyCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Strategy
        </Text>
        <SelectInput
          form={form}
          name="kind"
          label="Choose rates by"
          options={[
            { label: "Balanced: cost, speed and reliability", value: "BALANCED" },
            { label: "Cheapest", value: "CHEAPEST" },
            { label: "Fastest", value: "FASTEST" },
          ]}
        />
        <FormLayout.Group condensed>
          <NumberInput
            form={form}
            name="costTargetPercent"
            label="Cost target (% of order value)"
            helpText="Balanced: keep shipping under this share"
          />
          <MoneyInput
            form={form}
            name="dollarsPerDay"
            label="A day of waiting is worth"
            errorPath="centsPerDay"
          />
        </FormLayout.Group>
      </FormLayout>
    </Card>
  );
}

/** From which cart weight or number of parcels a cart ships by freight only. */
export function FreightThresholdsCard({ form, weightUnit }: Form & { weightUnit: UnitsForm["weightUnit"] }) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Freight thresholds
        </Text>
        <Text as="p" tone="subdued">
          From either threshold the cart ships by freight only and parcel rates are not offered. Below them,
          freight is offered only when parcel carriers cannot take the cart. Leave empty for no rule.
        </Text>
        <FormLayout.Group condensed>
          <WeightInput
            form={form}
            name="freightFromWeight"
            label="Freight from cart weight"
            unit={weightUnit}
            errorPath="freightFromCartWeightLb"
          />
          <NumberInput form={form} name="freightFromParcels" label="Freight from number of parcels" min={1} />
        </FormLayout.Group>
      </FormLayout>
    </Card>
  );
}

/** The shop-wide markup on carrier cost. */
export function ShopMarkupCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Markup on carrier cost
        </Text>
        <Text as="p" tone="subdued">
          Applies to every service without its own markup (set one on a service&apos;s Carriers page).
        </Text>
        <MarkupFields form={form} />
      </FormLayout>
    </Card>
  );
}

const fallbackField = (form: Form["form"], code: string) => (
  <MoneyInput key={code} form={form} name={`fallback.${code}`} label={tierName(code)} />
);

/** Flat prices per tier for when rates cannot be computed. */
export function FallbackRatesCard({ form }: Form) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Fallback rates
        </Text>
        <Text as="p" tone="subdued">
          Flat prices checkout shows when Tailroute cannot compute rates (unknown ZIP, engine failure). Leave
          empty to offer none.
        </Text>
        <FormLayout.Group condensed>
          {TIER_CODES.slice(0, 3).map((code) => fallbackField(form, code))}
        </FormLayout.Group>
        <FormLayout.Group condensed>
          {TIER_CODES.slice(3).map((code) => fallbackField(form, code))}
        </FormLayout.Group>
      </FormLayout>
    </Card>
  );
}

/** The remote-area ZIP list (typed or uploaded) and its fee on every parcel service. */
export function RemoteAreaCard({ form, parcelServices }: Form & { parcelServices: number }) {
  const upload = async (file: File | undefined) => {
    if (file) form.set("remoteAreaZips")((await file.text()).trim());
  };
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          Remote-area ZIPs
        </Text>
        <Text as="p" tone="subdued">
          {`ZIP3 prefixes or 5-digit ZIPs that pay the remote-area surcharge on all ${parcelServices} parcel services.`}
        </Text>
        <TextInput
          form={form}
          name="remoteAreaZips"
          label="ZIP list"
          multiline={6}
          helpText="One per line, or commas"
        />
        <input
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          aria-label="Upload a ZIP list"
          onChange={(event) => void upload(event.currentTarget.files?.[0])}
        />
        <MoneyInput
          form={form}
          name="remoteAreaFee"
          label="Remote-area fee per package"
          errorPath="remoteAreaCents"
        />
      </FormLayout>
    </Card>
  );
}
