import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Card, Layout, Page } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { CartonFormCard, NEW_CARTON, type CartonFormValues } from "../components/cartons/carton-form-card";
import { CartonTable } from "../components/cartons/carton-table";
import { ConfirmDeleteModal } from "../components/confirm-delete-modal";
import { ErrorsBanner } from "../components/errors-banner";
import { useFormState } from "../components/form-kit";
import { useActionToast } from "../components/use-action-toast";
import { adminContext } from "../services/admin/admin-context.server";
import { cartonsAction, cartonsPage } from "../services/admin/cartons.server";
import { statusOf } from "../services/admin/form-data";
import { EmptyNote } from "../components/empty-note";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  return cartonsPage(db, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { db, shop } = await adminContext(request);
  const result = await cartonsAction(db, shop, await request.formData());
  if (!result) throw new Response("Carton not found", { status: 404 });
  return json(result, { status: statusOf(result) });
};

export default function Cartons() {
  const { cartons, units, warehouses } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const submit = useSubmit();
  const [deleting, setDeleting] = useState<string | null>(null);
  useActionToast(data);
  const form = useFormState<CartonFormValues>(NEW_CARTON, data);
  // After a save or delete (once per answer) the list shows the stored cartons: close the confirmation and
  // start a new carton. Only a new answer re-runs it, never a keystroke (reset changes with every one).
  const { reset } = form;
  useEffect(() => {
    if (data?.ok !== true) return;
    setDeleting(null);
    reset();
  }, [data]);
  const edit = (id: string) => {
    const c = cartons.find((x) => x.id === id);
    if (!c) return;
    const s = (n: number) => String(n);
    form.replace({
      id: c.id,
      key: c.key,
      name: c.name,
      length: s(c.length),
      width: s(c.width),
      height: s(c.height),
      tareWeight: s(c.tareWeight),
      maxWeight: s(c.maxWeight),
      active: c.active,
      warehouseKeys: c.warehouseKeys,
    });
  };
  const doomed = cartons.find((c) => c.id === deleting);
  return (
    <Page
      title="Cartons"
      subtitle="The boxes your warehouses pack into: checkout rates are priced on the cartons chosen"
    >
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {cartons.length === 0 ? (
              <EmptyNote heading="No cartons yet">
                <p>Add the boxes you ship in. Without cartons, every product ships in its own default box.</p>
              </EmptyNote>
            ) : (
              <CartonTable
                cartons={cartons}
                units={units}
                onEdit={edit}
                onToggle={(id, active) =>
                  submit({ intent: active ? "activate" : "deactivate", id }, { method: "post" })
                }
                onDelete={setDeleting}
              />
            )}
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ErrorsBanner data={data} />
            <CartonFormCard form={form} units={units} warehouses={warehouses} saving={saving} />
          </BlockStack>
        </Layout.Section>
      </Layout>
      <ConfirmDeleteModal
        open={doomed !== undefined}
        onClose={() => setDeleting(null)}
        title={`Delete ${doomed?.name ?? "carton"}?`}
        body="Checkout stops packing into it at once. To keep it for later, deactivate it instead."
        deleting={saving && navigation.formData?.get("intent") === "delete"}
        fields={{ id: deleting ?? "" }}
      />
    </Page>
  );
}
