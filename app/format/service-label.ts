/**
 * How a carrier service is named to people: "FedEx Express Saver", not "FedEx FedEx Express Saver". The carrier is
 * put in front only when the service's own name does not start with it.
 */
export const serviceLabel = (carrier: string | null | undefined, service: string | null | undefined) => {
  const name = service ?? "";
  if (!carrier) return name;
  return name.toLowerCase().startsWith(carrier.toLowerCase()) ? name : `${carrier} ${name}`.trimEnd();
};
