import type { Provenance } from "./to-cart-view";

/** Where a line came from: each reply on X (with a link while it exists) and the website. */
export function LineProvenance({ provenance }: { provenance: Provenance[] }) {
  return (
    <ul className="flex flex-col gap-0.5 text-xs text-slate-500" aria-label="Where it came from">
      {provenance.map((entry) => {
        const count = entry.quantity === null ? "" : `${entry.quantity} `;
        if (entry.kind === "website")
          return (
            <li key={entry.key} data-testid="line-source">
              {count ? `${count}added on the website` : "Added on the website"}
            </li>
          );
        return (
          <li key={entry.key} data-testid="line-source">
            {count ? `${count}added from your reply` : "Added from your reply"}
            {entry.when && (
              <>
                {" · "}
                <time dateTime={entry.when.iso} title={entry.when.title}>
                  {entry.when.text}
                </time>
              </>
            )}
            {" · "}
            {entry.href ? (
              <a
                href={entry.href}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-slate-700 hover:underline"
              >
                View reply<span className="sr-only"> on X (opens in a new tab)</span>
              </a>
            ) : (
              <span>{entry.deleted ? "reply deleted" : "reply not available"}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
