import Link from "next/link";
import type { ReactNode } from "react";

/** The border and padding of every input and select in a console list's filter form. */
export const FILTER_CONTROL_CLASS = "rounded-lg border border-slate-300 bg-white px-3 py-2";

type FieldProps = {
  label: string;
  /** The label's layout, when the field should grow or span columns. */
  className?: string;
  children: ReactNode;
};

/** One labelled control of a console list's filter form, its caption above it. */
export function FilterField({ label, className = "flex flex-col gap-1", children }: FieldProps) {
  return (
    <label className={className}>
      <span className="font-medium text-slate-700">{label}</span>
      {children}
    </label>
  );
}

/** The submit button of a console list's filter form. */
export function FilterSubmit({ children }: { children: ReactNode }) {
  return (
    <button
      type="submit"
      className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100"
    >
      {children}
    </button>
  );
}

/** The link that drops every filter, shown only while some are set. */
export function FilterClear({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-brand-700 px-2 py-2 font-medium hover:underline">
      {children}
    </Link>
  );
}

type SelectProps = {
  label: string;
  name: string;
  /** The option chosen now; "" for the first, which stands for no filter. */
  defaultValue: string;
  /** Each option as [value, text], the unfiltered one first with the value "". */
  options: readonly (readonly [value: string, text: string])[];
};

/** A labelled select of a console list's filter form. */
export function FilterSelect({ label, name, defaultValue, options }: SelectProps) {
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={defaultValue} className={FILTER_CONTROL_CLASS}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
