import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { productIdFromUrl } from "./product-id-from-url";

const HOSTS = ["shop.example"];
const productId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);

describe("productIdFromUrl", () => {
  it("reads the id of any product page on the shop's own host", () => {
    fc.assert(
      fc.property(
        productId,
        fc.constantFrom("https", "http"),
        fc.boolean(),
        (id, scheme, slash) => {
          expect(
            productIdFromUrl(`${scheme}://shop.example/p/${id}${slash ? "/" : ""}`, HOSTS),
          ).toBe(id);
          expect(productIdFromUrl(`https://SHOP.example/p/${id}?utm_source=x#top`, HOSTS)).toBe(id);
        },
      ),
    );
  });

  it("refuses hostile and foreign links", () => {
    for (const link of [
      "https://shop.example.evil.io/p/us-organic-tee",
      "https://evil.io/@shop.example/p/us-organic-tee",
      "https://evil.io/p/us-organic-tee?shop.example",
      "https://shop.example@evil.io/p/us-organic-tee",
      "https://user:pass@shop.example/p/us-organic-tee",
      "javascript:alert(1)//shop.example/p/us-organic-tee",
      "data:text/html,shop.example/p/x",
      "ftp://shop.example/p/us-organic-tee",
      "https://93.184.216.34/p/us-organic-tee",
      "https://[::1]/p/us-organic-tee",
      "https://xn--shop-example.evil/p/us-organic-tee",
      "https://shop.example/products/us-organic-tee",
      "https://shop.example/p/us-organic-tee/reviews",
      "https://shop.example/p/%00",
      "https://shop.example/p/..%2Fadmin",
      "https://shop.example:8443/p/us-organic-tee",
      "shop.example/p/us-organic-tee",
    ])
      expect(productIdFromUrl(link, HOSTS), link).toBeNull();
  });

  it("accepts only a host that is exactly one of the configured hosts", () => {
    fc.assert(
      fc.property(fc.domain(), productId, (host, id) => {
        const result = productIdFromUrl(`https://${host}/p/${id}`, HOSTS);
        expect(result).toBe(host.toLowerCase() === "shop.example" ? id : null);
      }),
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), (link) => {
        expect(() => productIdFromUrl(link, HOSTS)).not.toThrow();
      }),
    );
  });
});
