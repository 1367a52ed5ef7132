import type { PickupPointImport } from "../contracts/pickup-point";
import { lookupZip, nearestZips } from "../engine/geo";
import { PICKUP_NETWORK_LABELS, PICKUP_NETWORKS } from "../engine/pickup";

/** Every generated name starts with this, so sample points are never mistaken for real locations. */
export const SAMPLE_LABEL = "SAMPLE";

/** Demo destinations the sample directory surrounds (the demo's checkout and order addresses). */
export const SAMPLE_CENTER_ZIPS = ["90012", "80202", "11201", "78701", "75201", "10001", "60601", "94103"];

/** Small deterministic PRNG (mulberry32): the same seed always generates the same directory. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOURS = [
  [{ days: "Mon-Sun", open: "06:00", close: "23:00" }],
  [
    { days: "Mon-Fri", open: "08:00", close: "20:00" },
    { days: "Sat", open: "09:00", close: "17:00" },
  ],
  [{ days: "Mon-Sat", open: "09:00", close: "18:00" }],
];

/**
 * A generated SAMPLE directory: `perNetwork` points of every network scattered within `radiusMiles` of each
 * center ZIP, with street addresses made up and ZIPs snapped to the nearest real ZIP. Clearly labelled;
 * deterministic for a seed.
 *
 * @example
 * sampleDirectory({ centers: ["90012"], perNetwork: 2 }).length; // 8
 */
export function sampleDirectory(
  options: { centers?: string[]; perNetwork?: number; radiusMiles?: number; seed?: number } = {},
): PickupPointImport[] {
  const next = random(options.seed ?? 7);
  const radius = options.radiusMiles ?? 6;
  const points: PickupPointImport[] = [];
  for (const centerZip of options.centers ?? SAMPLE_CENTER_ZIPS) {
    const center = lookupZip(centerZip);
    if (!center) continue;
    for (const network of PICKUP_NETWORKS) {
      for (let n = 1; n <= (options.perNetwork ?? 3); n++) {
        // Uniform in a disc: r = R·√u; 1° latitude ≈ 69 mi, longitude shrinks with cos(latitude).
        const r = radius * Math.sqrt(next());
        const angle = 2 * Math.PI * next();
        const lat = center.lat + (r * Math.sin(angle)) / 69;
        const lng = center.lng + (r * Math.cos(angle)) / (69 * Math.cos((center.lat * Math.PI) / 180));
        const zip = nearestZips({ lat, lng }, 1)[0];
        points.push({
          network,
          externalId: `SAMPLE-${network}-${centerZip}-${n}`,
          name: `${SAMPLE_LABEL} ${PICKUP_NETWORK_LABELS[network]} – ${zip.city} #${n}`,
          address1: `${100 + Math.floor(next() * 9000)} Sample St`,
          city: zip.city,
          province: zip.state,
          zip: zip.zip,
          latitude: Math.round(lat * 1e6) / 1e6,
          longitude: Math.round(lng * 1e6) / 1e6,
          hours: HOURS[Math.floor(next() * HOURS.length)],
        });
      }
    }
  }
  return points;
}

/** The points as a directory CSV (the import format). */
export function directoryCsv(points: readonly PickupPointImport[]): string {
  const cell = (v: string | number) => {
    const text = String(v);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const header = "network,externalId,name,address1,city,province,zip,latitude,longitude,hours";
  const rows = points.map((p) =>
    [
      p.network,
      p.externalId,
      p.name,
      p.address1,
      p.city,
      p.province,
      p.zip,
      p.latitude,
      p.longitude,
      typeof p.hours === "string" ? p.hours : JSON.stringify(p.hours),
    ]
      .map(cell)
      .join(","),
  );
  return [header, ...rows].join("\n") + "\n";
}

/** The points as a GeoJSON FeatureCollection (the other import format). */
export function directoryGeoJson(points: readonly PickupPointImport[]) {
  return {
    type: "FeatureCollection" as const,
    features: points.map(({ latitude, longitude, ...properties }) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [longitude, latitude] },
      properties,
    })),
  };
}
