import { z } from "zod";
import { isUsStateCode, usStateCode } from "./us-states";

// `941071234` is a ZIP+4 typed without its hyphen.
const normaliseZip = (value: string) =>
  /^\d{9}$/.test(value) ? `${value.slice(0, 5)}-${value.slice(5)}` : value;

// Royal Mail's form: upper case, one space before the three-character inward code.
const normalisePostcode = (value: string) => {
  const compact = value.toUpperCase().replace(/\s+/g, "");
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
};

/** Where each marketplace ships: one country, with its own postal code format. */
const COUNTRIES = {
  US: {
    country: "United States",
    postalCode: /^\d{5}(-\d{4})?$/,
    normalisePostalCode: normaliseZip,
  },
  UK: {
    country: "United Kingdom",
    postalCode: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
    normalisePostalCode: normalisePostcode,
  },
} as const;

export type MarketplaceCode = keyof typeof COUNTRIES;

export const isShippingMarketplace = (code: string): code is MarketplaceCode =>
  Object.hasOwn(COUNTRIES, code);

export const countryOf = (code: MarketplaceCode) => COUNTRIES[code].country;

export const ADDRESS_FIELDS = [
  "fullName",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressFieldErrors = Partial<Record<AddressField, string>>;

// Printable text only: a newline or NUL in an address would end up on a shipping label.
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .max(max, { error: `Keep ${label} under ${max} characters.` })
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, { error: `Use letters, numbers and punctuation in ${label}.` });

const required = (label: string, max: number) =>
  text(label, max).min(1, { error: `Enter ${label}.` });

// Stored as the two-letter code, whether the shopper chose it, typed it or typed the name.
const usState = required("the state", 40)
  .transform((value) => usStateCode(value) ?? value)
  .refine(isUsStateCode, { error: "Enter a US state, like CA or New York." });

/** The shipping address form of one marketplace, validated and normalised. */
export function shippingAddressSchema(code: MarketplaceCode) {
  const rules = COUNTRIES[code];
  return z.object({
    fullName: required("your full name", 100),
    line1: required("the street address", 100),
    line2: text("the second address line", 100).default(""),
    city: required(code === "US" ? "the city" : "the town or city", 60),
    region: code === "US" ? usState : text("the county", 40).default(""),
    // Room for the spaces people type; the format below decides.
    postalCode: required(code === "US" ? "a ZIP code" : "a postcode", 16)
      .transform(rules.normalisePostalCode)
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

export type SavedAddressCheck = {
  values: Record<AddressField, string>;
  fieldErrors: AddressFieldErrors;
};

/**
 * A saved address as the checkout form prefills it, judged by today's rules: each field
 * normalised, or, where it no longer passes (it was saved under older rules), as saved with its
 * error, so that the shopper sees what to fix before confirming.
 */
export function checkSavedAddress(
  code: MarketplaceCode,
  saved: Record<AddressField, string>,
): SavedAddressCheck {
  const { shape } = shippingAddressSchema(code);
  const values = { ...saved };
  const fieldErrors: AddressFieldErrors = {};
  // No rule spans two fields, so each field can be judged alone.
  for (const field of ADDRESS_FIELDS) {
    const result = shape[field].safeParse(saved[field]);
    if (result.success) values[field] = result.data;
    else fieldErrors[field] = result.error.issues[0]?.message;
  }
  return { values, fieldErrors };
}
