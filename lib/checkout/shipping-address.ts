import { z } from "zod";

/** Where each marketplace ships: one country, with its own postal code format. */
const COUNTRIES = {
  US: { country: "United States", postalCode: /^\d{5}(-\d{4})?$/, regionRequired: true },
  UK: {
    country: "United Kingdom",
    postalCode: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
    regionRequired: false,
  },
} as const;

export type MarketplaceCode = keyof typeof COUNTRIES;

export const isShippingMarketplace = (code: string): code is MarketplaceCode =>
  Object.hasOwn(COUNTRIES, code);

export const countryOf = (code: MarketplaceCode) => COUNTRIES[code].country;

// Printable text only: a newline or NUL in an address would end up on a shipping label.
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .max(max, { error: `Keep ${label} under ${max} characters.` })
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, { error: `Use letters, numbers and punctuation in ${label}.` });

const required = (label: string, max: number) =>
  text(label, max).min(1, { error: `Enter ${label}.` });

/** The shipping address form of one marketplace, validated and normalised. */
export function shippingAddressSchema(code: MarketplaceCode) {
  const rules = COUNTRIES[code];
  const postalLabel = code === "US" ? "a ZIP code" : "a postcode";
  return z.object({
    fullName: required("your full name", 100),
    line1: required("the street address", 100),
    line2: text("the second address line", 100).default(""),
    city: required(code === "US" ? "the city" : "the town or city", 60),
    region: rules.regionRequired ? required("the state", 40) : text("the county", 40).default(""),
    postalCode: required(postalLabel, 10)
      .transform((value) => value.toUpperCase())
      .refine((value) => rules.postalCode.test(value), {
        error: code === "US" ? "Enter a ZIP code like 94107." : "Enter a postcode like SW1A 1AA.",
      }),
  });
}

export type ShippingAddressInput = z.infer<ReturnType<typeof shippingAddressSchema>>;

/** An order's address as stored (Order.shippingAddress): the form's fields and the country. */
export const storedAddressSchema = z.object({
  fullName: z.string(),
  line1: z.string(),
  line2: z.string().default(""),
  city: z.string(),
  region: z.string().default(""),
  postalCode: z.string(),
  country: z.string(),
});
export type ShippingAddress = z.infer<typeof storedAddressSchema>;

/** The address as pages and emails show it: one part a line, empty parts left out. */
export const addressLines = (address: ShippingAddress) =>
  [
    address.fullName,
    address.line1,
    address.line2,
    [address.city, address.region].filter(Boolean).join(", "),
    address.postalCode,
    address.country,
  ].filter(Boolean);
export const ADDRESS_FIELDS = [
  "fullName",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
] as const;
