import { describe, expect, it } from "vitest";
import { carrierCallbackToken } from "../../app/server/carrier-callback-path";

describe("carrierCallbackToken", () => {
  it.each([
    ["/api/carrier-service", null],
    ["/api/carrier-service/", null],
    ["/api/carrier-service?x=1", null],
    ["/api/carrier-service/abc123", "abc123"],
    ["/api/carrier-service/abc%20123", "abc 123"],
    ["/api/carrier-service/abc123?utm=1", "abc123"],
    ["/api/carrier-service/%E0%A4%A", "%E0%A4%A"],
    ["/API/Carrier-Service/abc123", "abc123"],
  ])("routes %s to the callback (token %s)", (url, token) => {
    expect(carrierCallbackToken(url)).toBe(token);
  });

  it.each(["/", "/app", "/api/carrier-services", "/api/carrier-service/a/b", "/webhooks/orders/create"])(
    "leaves %s to the Remix app",
    (url) => {
      expect(carrierCallbackToken(url)).toBeUndefined();
    },
  );
});
