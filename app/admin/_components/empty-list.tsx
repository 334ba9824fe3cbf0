import type { ReactNode } from "react";

type Props = {
  /** The data-testid the e2e specs find the empty state by. */
  testId: string;
  title: ReactNode;
  /** The one paragraph under the title: why the list is empty and what to do. */
  children: ReactNode;
};

/** What a console list shows in place of its rows when it has none. */
export function EmptyList({ testId, title, children }: Props) {
  return (
    <section
      data-testid={testId}
      className="flex flex-col gap-2 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700"
    >
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p>{children}</p>
    </section>
  );
}
