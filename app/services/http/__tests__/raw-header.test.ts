import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { rawHeader } from "../raw-header";

/** What Node's own `req.headers` makes of the same raw list (the HTTP parser hands it over with _addHeaderLines). */
function nodeHeaders(raw: string[]) {
  const message = new IncomingMessage(new Socket()) as IncomingMessage & {
    _addHeaderLines(headers: string[], count: number): void;
  };
  message._addHeaderLines(raw, raw.length);
  return message.headers;
}

const RAW = [
  "Host",
  "127.0.0.1:3000",
  "Content-Type",
  "application/json",
  "X-Shopify-Hmac-Sha256",
  "c2lnbmF0dXJl",
  "x-shopify-shop-domain",
  "one.myshopify.com",
  "X-SHOPIFY-SHOP-DOMAIN",
  "two.myshopify.com",
  "Content-Length",
  "1234",
];

describe("rawHeader", () => {
  it.each(["x-shopify-hmac-sha256", "x-shopify-shop-domain", "content-length", "content-type", "x-absent"])(
    "reads %s as Node's req.headers does (any case, repeats joined with a comma, null when absent)",
    (name) => {
      // GIVEN a raw header list with mixed case and a repeated header
      // WHEN the header is read from the raw list and from Node's headers object
      // THEN both give the same value
      expect(rawHeader(RAW, name)).toBe(nodeHeaders(RAW)[name] ?? null);
    },
  );

  it("joins a repeated Shopify header, so two shop domains never pass for one", () => {
    expect(rawHeader(RAW, "x-shopify-shop-domain")).toBe("one.myshopify.com, two.myshopify.com");
  });
});
