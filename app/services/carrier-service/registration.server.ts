import type { PrismaClient } from "@prisma/client";
import { gql, type GraphQLClient } from "graphql-request";
import type { AdminUserError } from "../admin/admin-graphql.server";

/** The name merchants and buyers see for Tailroute's carrier-calculated rates. */
export const CARRIER_SERVICE_NAME = "Tailroute";

const FIND_CARRIER_SERVICES = gql`
  query TailrouteCarrierServices {
    carrierServices(first: 50) {
      nodes {
        id
        name
        callbackUrl
        active
      }
    }
  }
`;

const CREATE_CARRIER_SERVICE = gql`
  mutation TailrouteCarrierServiceCreate($input: DeliveryCarrierServiceCreateInput!) {
    carrierServiceCreate(input: $input) {
      carrierService {
        id
        active
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const UPDATE_CARRIER_SERVICE = gql`
  mutation TailrouteCarrierServiceUpdate($input: DeliveryCarrierServiceUpdateInput!) {
    carrierServiceUpdate(input: $input) {
      carrierService {
        id
        active
      }
      userErrors {
        field
        message
      }
    }
  }
`;

interface MutationPayload {
  carrierService: { id: string; active: boolean } | null;
  userErrors: AdminUserError[];
}

/** The callback URL Shopify calls for a shop: the shop's secret token is in the path (see callback-auth). */
export function carrierCallbackUrl(appUrl: string, callbackToken: string): string {
  return new URL(`/api/carrier-service/${encodeURIComponent(callbackToken)}`, appUrl).toString();
}

export type RegistrationResult = { ok: true; carrierServiceGid: string } | { ok: false; error: string };

/**
 * Creates or updates the shop's "Tailroute" carrier service so that it is active and calls this app with the
 * shop's token, and records the outcome on the shop: the service id, or the error Shopify gave (a store
 * without carrier-calculated shipping answers with a userError) for the admin to show.
 */
export async function registerCarrierService(
  db: PrismaClient,
  admin: GraphQLClient,
  shop: string,
  appUrl: string,
): Promise<RegistrationResult> {
  const settings = await db.shop.findUniqueOrThrow({
    where: { shop },
    select: { callbackToken: true, carrierServiceGid: true },
  });
  const base = {
    name: CARRIER_SERVICE_NAME,
    callbackUrl: carrierCallbackUrl(appUrl, settings.callbackToken),
    active: true,
    supportsServiceDiscovery: true,
  };
  let result: RegistrationResult;
  try {
    result = await upsertCarrierService(
      admin,
      settings.carrierServiceGid ?? (await findExisting(admin)),
      base,
    );
    // The stored id may name a service the merchant deleted since: look it up afresh, once.
    if (!result.ok && settings.carrierServiceGid)
      result = await upsertCarrierService(admin, await findExisting(admin), base);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    result = { ok: false, error: `Shopify Admin API request failed: ${reason}` };
  }
  await db.shop.update({
    where: { shop },
    data: result.ok
      ? { carrierServiceGid: result.carrierServiceGid, carrierServiceError: null }
      : { carrierServiceError: result.error },
  });
  return result;
}

type CarrierServiceInput = {
  name: string;
  callbackUrl: string;
  active: boolean;
  supportsServiceDiscovery: boolean;
};

async function upsertCarrierService(
  admin: GraphQLClient,
  existingId: string | null,
  input: CarrierServiceInput,
): Promise<RegistrationResult> {
  const payload = existingId
    ? (
        await admin.request<{ carrierServiceUpdate: MutationPayload }>(UPDATE_CARRIER_SERVICE, {
          input: { id: existingId, ...input },
        })
      ).carrierServiceUpdate
    : (await admin.request<{ carrierServiceCreate: MutationPayload }>(CREATE_CARRIER_SERVICE, { input }))
        .carrierServiceCreate;
  if (payload.userErrors.length > 0 || !payload.carrierService) {
    return {
      ok: false,
      error: payload.userErrors.map((e) => e.message).join("; ") || "Shopify returned no carrier service",
    };
  }
  return { ok: true, carrierServiceGid: payload.carrierService.id };
}

async function findExisting(admin: GraphQLClient): Promise<string | null> {
  const data = await admin.request<{ carrierServices: { nodes: { id: string; name: string }[] } }>(
    FIND_CARRIER_SERVICES,
  );
  return data.carrierServices.nodes.find((s) => s.name === CARRIER_SERVICE_NAME)?.id ?? null;
}
