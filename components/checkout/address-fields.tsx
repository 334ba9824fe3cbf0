import type { MarketplaceCode } from "@/lib/checkout/shipping-address";
import { US_STATE_GROUPS, usStateCode } from "@/lib/checkout/us-states";

type Field = {
  name: string;
  label: string;
  autoComplete: string;
  optional?: boolean;
  className?: string;
  /** Chosen from the US states rather than typed. */
  usState?: boolean;
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
    { name: "region", label: "State", autoComplete: "address-level1", usState: true },
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
      {FIELDS[marketplace].map(({ name, label, autoComplete, optional, className, usState }) => {
        const error = errors[name];
        const errorId = `${name}-error`;
        const value = values[name] ?? "";
        const control = {
          id: name,
          name,
          autoComplete: `shipping ${autoComplete}`,
          required: !optional,
          defaultValue: value,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? errorId : undefined,
          className: `rounded-lg border px-3 py-2 text-base sm:text-sm ${
            error ? "border-rose-400 bg-rose-50" : "border-slate-300 bg-white"
          }`,
        };
        return (
          <div key={name} className={`flex flex-col gap-1 ${className ?? ""}`}>
            <label htmlFor={name} className="text-sm font-medium text-slate-800">
              {label}
              {optional && <span className="font-normal text-slate-500"> (optional)</span>}
            </label>
            {usState ? (
              // Keyed on the value: React resets a form after its action, and a select comes
              // back to its first option rather than the value it is rendered with again.
              <select {...control} key={value} defaultValue={usStateCode(value) ?? value}>
                <option value="">Choose a state</option>
                {/* A saved or posted value that is no state stays visible beside its error. */}
                {value && !usStateCode(value) && (
                  <option value={value}>{value} (not a US state)</option>
                )}
                {US_STATE_GROUPS.map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {Object.entries(group.states).map(([code, stateName]) => (
                      <option key={code} value={code}>
                        {stateName}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            ) : (
              <input {...control} maxLength={name === "postalCode" ? 16 : 100} />
            )}
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
