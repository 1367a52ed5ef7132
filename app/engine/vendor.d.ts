// Minimal typings for JS libraries that ship none. Only what the engine uses.

declare module "zipcodes" {
  export interface ZipCodeRecord {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    state: string;
    country: string;
  }
  const zipcodes: {
    codes: Record<string, ZipCodeRecord>;
    lookup(zip: string | number): ZipCodeRecord | undefined;
  };
  export default zipcodes;
}
