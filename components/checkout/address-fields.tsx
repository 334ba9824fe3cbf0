import type { MarketplaceCode } from "@/lib/checkout/shipping-address";

type Field = {
  name: string;
  label: string;
  autoComplete: string;
  optional?: boolean;
  className?: string;
};

const FIELDS: Record<MarketplaceCode, Field[]> = {
  US: [
    { name: "fullName", label: "Full name", autoComplete: "name", className: "sm:col-span-2" },
    {
      name: "line1",
      label: "Street address",
      autoComplete: "address-line1",
      className: "sm:col-span-2",
    },
    {
      name: "line2",
      label: "Apartment, suite",
      autoComplete: "address-line2",
      optional: true,
      className: "sm:col-span-2",
    },
    { name: "city", label: "City", autoComplete: "address-level2" },
    { name: "region", label: "State", autoComplete: "address-level1" },
    { name: "postalCode", label: "ZIP code", autoComplete: "postal-code" },
  ],
  UK: [
    { name: "fullName", label: "Full name", autoComplete: "name", className: "sm:col-span-2" },
    {
      name: "line1",
      label: "Address line 1",
      autoComplete: "address-line1",
      className: "sm:col-span-2",
    },
    {
      name: "line2",
      label: "Address line 2",
      autoComplete: "address-line2",
      optional: true,
      className: "sm:col-span-2",
    },
    { name: "city", label: "Town or city", autoComplete: "address-level2" },
    { name: "region", label: "County", autoComplete: "address-level1", optional: true },
    { name: "postalCode", label: "Postcode", autoComplete: "postal-code" },
  ],
};

/** The shipping address inputs of one marketplace, each with its error beside it. */
export function AddressFields({
  marketplace,
  values,
  errors,
}: {
  marketplace: MarketplaceCode;
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {FIELDS[marketplace].map(({ name, label, autoComplete, optional, className }) => {
        const error = errors[name];
        const errorId = `${name}-error`;
        return (
          <div key={name} className={`flex flex-col gap-1 ${className ?? ""}`}>
            <label htmlFor={name} className="text-sm font-medium text-slate-800">
              {label}
              {optional && <span className="font-normal text-slate-500"> (optional)</span>}
            </label>
            <input
              id={name}
              name={name}
              autoComplete={`shipping ${autoComplete}`}
              required={!optional}
              maxLength={name === "postalCode" ? 10 : 100}
              defaultValue={values[name] ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className={`rounded-lg border px-3 py-2 text-base sm:text-sm ${
                error ? "border-rose-400 bg-rose-50" : "border-slate-300 bg-white"
              }`}
            />
            {error && (
              <p id={errorId} className="text-sm text-rose-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
