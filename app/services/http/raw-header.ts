/**
 * A request header by its lower-case name, read from Node's raw header list (`req.rawHeaders`) without building
 * `req.headers`: the CarrierService callback reads three headers per request and would otherwise pay for an object
 * of all of them. Repeated headers are joined with ", " as `req.headers` joins them
 * (https://nodejs.org/api/http.html#messageheaders); null when absent.
 */
export function rawHeader(rawHeaders: readonly string[], name: string): string | null {
  let value: string | null = null;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const field = rawHeaders[i];
    if (field.length !== name.length || field.toLowerCase() !== name) continue;
    value = value === null ? rawHeaders[i + 1] : `${value}, ${rawHeaders[i + 1]}`;
  }
  return value;
}
