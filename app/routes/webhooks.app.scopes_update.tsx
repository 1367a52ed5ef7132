import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { authenticate } from "../shopify.server";

const ScopesUpdatePayload = z.looseObject({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { payload, session } = await authenticate.webhook(request);
  const parsed = ScopesUpdatePayload.safeParse(payload);
  if (!parsed.success) return new Response("Invalid app/scopes_update payload", { status: 400 });
  if (session) {
    await db.session.updateMany({
      where: { id: session.id },
      data: { scope: parsed.data.current.join(",") },
    });
  }
  return new Response(null, { status: 200 });
};
