/** A point on Earth in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** What the engine knows about a ZIP code. */
export interface ZipInfo extends GeoPoint {
  /** Normalised 5-digit ZIP. */
  zip: string;
  zip3: string;
  city: string;
  /** Two-letter USPS state / territory / military code (AA, AE, AP). */
  state: string;
  /** True when the 5-digit ZIP is unknown and the ZIP3 centroid stands in for it. */
  approximate: boolean;
}

/** Delivery-point class derived from the address lines and state. */
export type AddressClass = "STREET" | "PO_BOX" | "MILITARY";
