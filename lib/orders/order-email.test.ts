import { describe, expect, it } from "vitest";
import { orderConfirmationEmail, type OrderEmailOrder } from "./order-email";
import { orderNumber } from "./order-number";

const usOrder: OrderEmailOrder = {
  id: "cmid7x2k90001abcdwxyz1234",
  currency: "USD",
  totalMinor: 7400,
  items: [
    { title: "Organic Cotton Tee", variant: "M", unitPriceMinor: 2800, quantity: 2 },
    { title: "Stoneware Mug", variant: "", unitPriceMinor: 1800, quantity: 1 },
  ],
  shippingAddress: {
    fullName: "Ada Lovelace",
    line1: "500 Howard St",
    line2: "",
    city: "San Francisco",
    region: "CA",
    postalCode: "94107",
    country: "United States",
  },
};

describe("orderConfirmationEmail", () => {
  const email = orderConfirmationEmail(usOrder, "http://localhost:3000");

  it("names the order by the number the order pages show", () => {
    expect(orderNumber(usOrder.id)).toBe("WXYZ1234");
    expect(email.subject).toBe("Your replycart order #WXYZ1234 is confirmed");
    expect(email.text).toContain("order #WXYZ1234");
  });

  it("lists each line with quantity, size, unit price and line total", () => {
    expect(email.text).toContain("2 × Organic Cotton Tee, size M\n    $28.00 each: $56.00");
    expect(email.text).toContain("1 × Stoneware Mug\n    $18.00 each: $18.00");
    expect(email.text).not.toContain("Stoneware Mug, size");
  });

  it("gives the total, says nothing was charged, and where it ships", () => {
    expect(email.text).toContain("Total: $74.00\nPay on delivery: nothing has been charged.");
    expect(email.text).toContain(
      "Shipping to:\nAda Lovelace\n500 Howard St\nSan Francisco, CA\n94107\nUnited States\n",
    );
  });

  it("links the order page, in the text too (an SMTP email carries only the text)", () => {
    const url = "http://localhost:3000/orders/cmid7x2k90001abcdwxyz1234";
    expect(email.link).toEqual({ url, label: "View your order" });
    expect(email.text.endsWith(`View your order: ${url}`)).toBe(true);
    expect(orderConfirmationEmail(usOrder, "https://shop.example/").link.url).toBe(
      "https://shop.example/orders/cmid7x2k90001abcdwxyz1234",
    );
  });

  it("writes a UK order in pounds, its second line and no county left empty", () => {
    const uk = orderConfirmationEmail(
      {
        ...usOrder,
        currency: "GBP",
        totalMinor: 2400,
        items: [{ title: "Enamel Mug", variant: "", unitPriceMinor: 1200, quantity: 2 }],
        shippingAddress: {
          fullName: "Alan Turing",
          line1: "1 Bletchley Rd",
          line2: "Flat 2",
          city: "Milton Keynes",
          region: "",
          postalCode: "MK3 6EB",
          country: "United Kingdom",
        },
      },
      "http://localhost:3000",
    );
    expect(uk.text).toContain("2 × Enamel Mug\n    £12.00 each: £24.00");
    expect(uk.text).toContain("Total: £24.00");
    expect(uk.text).toContain("Alan Turing\n1 Bletchley Rd\nFlat 2\nMilton Keynes\nMK3 6EB\n");
  });
});
