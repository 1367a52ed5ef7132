import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordScopesUpdate } from "../services/shop/lifecycle.server";
import { withAppDb } from "../services/shop/app-database.server";
import { authenticate } from "../shopify.server";

const ScopesUpdatePayload = z.looseObject({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { payload, session } = await authenticate.webhook(request);
  const parsed = ScopesUpdatePayload.safeParse(payload);
  if (!parsed.success) return new Response("Invalid app/scopes_update payload", { status: 400 });
  if (session) {
    await withAppDb((db) => recordScopesUpdate(db, session.id, parsed.data.current));
  }
  return new Response(null, { status: 200 });
};
