import { z } from "zod";
import { PickupPointImportSchema } from "../../../contracts/pickup-point";
import { zodIssuesText } from "../../../contracts/zod-issues";
import { LocatorError, type LocatorResult, type LocatorSearch, type PickupLocatorProvider } from "./types";
import { upsErrorText } from "./ups-oauth";

// UPS Locator API v3 (UPS-API/api-documentation Locator.yaml): POST
// {base}/api/locations/v3/search/availabilities/64 (64 = UPS Access Point locations), OAuth bearer token,
// body { LocatorRequest: { Request, OriginAddress, Translate, UnitOfMeasurement, LocationSearchCriteria } },
// answer { LocatorResponse: { Response, SearchResults: { DropLocation: [...] } } }.

/** Locator.yaml: SearchRadius is a whole number, 5–100 for miles; MaximumListSize 1–50. */
export const UPS_SEARCH_RADIUS_MILES = { min: 5, max: 100 } as const;
export const UPS_MAX_LIST_SIZE = 50;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * The documented request body for an Access Point search around an address (pure). UPS requires the whole
 * origin address (AddressLine, PoliticalDivision2 = city, PoliticalDivision1 = state, PostcodePrimaryLow,
 * CountryCode): a search without street, city or state is refused here with a LocatorError (400) instead of
 * being sent. The radius is rounded up to whole miles and kept within 5–100; the list size within 1–50.
 */
export function buildUpsLocatorRequest(query: LocatorSearch) {
  const missing = (
    [
      ["address1", query.address1],
      ["city", query.city],
      ["province", query.province],
      ["zip", query.zip],
    ] as const
  )
    .filter(([, value]) => !value?.trim())
    .map(([name]) => name);
  if (missing.length)
    throw new LocatorError(`UPS Locator needs the full origin address (missing: ${missing.join(", ")})`, 400);
  const radius = clamp(
    Math.ceil(query.radiusMiles),
    UPS_SEARCH_RADIUS_MILES.min,
    UPS_SEARCH_RADIUS_MILES.max,
  );
  const listSize = String(clamp(Math.floor(query.limit), 1, UPS_MAX_LIST_SIZE));
  return {
    LocatorRequest: {
      Request: { RequestAction: "Locator", TransactionReference: { CustomerContext: "tailroute" } },
      OriginAddress: {
        AddressKeyFormat: {
          AddressLine: query.address1!.trim().slice(0, 100),
          PoliticalDivision2: query.city!.trim().slice(0, 50),
          PoliticalDivision1: query.province!.trim().slice(0, 50),
          PostcodePrimaryLow: query.zip.trim(),
          CountryCode: "US",
        },
        MaximumListSize: listSize,
      },
      Translate: { Locale: "en_US" },
      UnitOfMeasurement: { Code: "MI" },
      LocationSearchCriteria: {
        MaximumListSize: listSize,
        SearchRadius: String(radius),
        AccessPointSearch: { AccessPointStatus: "01" },
      },
      SortCriteria: { SortType: "01" },
    },
  };
}

const DropLocation = z.looseObject({
  LocationID: z.string(),
  AddressKeyFormat: z.looseObject({
    ConsigneeName: z.string().optional(),
    AddressLine: z.union([z.string(), z.array(z.string())]),
    PoliticalDivision2: z.string(),
    PoliticalDivision1: z.string(),
    PostcodePrimaryLow: z.string(),
    CountryCode: z.string(),
  }),
  Geocode: z.looseObject({ Latitude: z.string(), Longitude: z.string() }),
  StandardHoursOfOperation: z.string().optional(),
  AccessPointInformation: z.looseObject({ PublicAccessPointID: z.string().optional() }).optional(),
});

const LocatorResponse = z.looseObject({
  LocatorResponse: z.looseObject({
    SearchResults: z
      .looseObject({ DropLocation: z.union([z.array(z.unknown()), z.unknown()]).optional() })
      .optional(),
  }),
});

/** Maps the documented answer to directory points; an unusable location is skipped with its reason (pure). */
export function parseUpsLocatorResponse(body: unknown): LocatorResult {
  const parsed = LocatorResponse.safeParse(body);
  if (!parsed.success) throw new LocatorError("UPS Locator answer is not a LocatorResponse", 502);
  const raw = parsed.data.LocatorResponse.SearchResults?.DropLocation;
  const locations = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const result: LocatorResult = { points: [], skipped: [] };
  for (const entry of locations) {
    const location = DropLocation.safeParse(entry);
    const id = (entry as { LocationID?: unknown })?.LocationID;
    if (!location.success) {
      result.skipped.push({ id: String(id ?? "?"), reason: location.error.issues[0]?.message ?? "invalid" });
      continue;
    }
    const l = location.data;
    const a = l.AddressKeyFormat;
    const point = PickupPointImportSchema.safeParse({
      network: "UPS_ACCESS_POINT",
      // The public Access Point id is what a label needs; the LocationID is only for UPS internal use.
      externalId: l.AccessPointInformation?.PublicAccessPointID ?? l.LocationID,
      name: a.ConsigneeName ?? "UPS Access Point",
      address1: Array.isArray(a.AddressLine) ? a.AddressLine[0] : a.AddressLine,
      city: a.PoliticalDivision2,
      province: a.PoliticalDivision1,
      zip: a.PostcodePrimaryLow.slice(0, 5),
      latitude: Number(l.Geocode.Latitude),
      longitude: Number(l.Geocode.Longitude),
      hours: (l.StandardHoursOfOperation ?? "").slice(0, 200),
    });
    if (point.success) result.points.push(point.data);
    else
      result.skipped.push({
        id: l.LocationID,
        reason: zodIssuesText(point.error),
      });
  }
  return result;
}

/** UPS Locator adapter: build → POST (OAuth bearer) → parse. */
export class UpsLocatorProvider implements PickupLocatorProvider {
  readonly network = "UPS_ACCESS_POINT" as const;

  constructor(
    private readonly options: {
      /** https://onlinetools.ups.com (production) or https://wwwcie.ups.com (test). */
      baseUrl: string;
      accessToken: () => Promise<string>;
      fetch?: typeof fetch;
      /** Aborts a search in flight (a job's time limit, a shutdown). */
      signal?: AbortSignal;
    },
  ) {}

  async search(query: LocatorSearch): Promise<LocatorResult> {
    const doFetch = this.options.fetch ?? fetch;
    const body = JSON.stringify(buildUpsLocatorRequest(query));
    const authorization = `Bearer ${await this.options.accessToken()}`;
    let response: Response;
    try {
      response = await doFetch(
        `${this.options.baseUrl.replace(/\/+$/, "")}/api/locations/v3/search/availabilities/64?Locale=en_US`,
        {
          method: "POST",
          headers: {
            Authorization: authorization,
            "Content-Type": "application/json",
            transId: crypto.randomUUID().replaceAll("-", ""),
            transactionSrc: "tailroute",
          },
          body,
          ...(this.options.signal ? { signal: this.options.signal } : {}),
        },
      );
    } catch (error) {
      throw new LocatorError(`UPS Locator could not be reached: ${(error as Error).message}`, 503);
    }
    const text = await response.text();
    if (!response.ok)
      throw new LocatorError(`UPS Locator answered ${upsErrorText(response.status, text)}`, response.status);
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new LocatorError("UPS Locator answered something that is not JSON", 502);
    }
    return parseUpsLocatorResponse(answer);
  }
}
