import Link from "next/link";
import type { BrandStatus } from "@/lib/brand/brand-account";

export type Task = {
  id: string;
  /** Shown big, left of the text; none for a state rather than a count. */
  count?: number;
  text: string;
  tone: "attention" | "problem" | "fine";
  /** Where to act on it; none while the list it belongs to is not built yet. */
  link?: { href: string; label: string };
};

const TONES = {
  attention: "bg-amber-50 text-amber-800 ring-amber-600/20",
  problem: "bg-rose-50 text-rose-700 ring-rose-600/20",
  fine: "bg-slate-100 text-slate-600 ring-slate-500/10",
} as const;

/** The console home's "what needs doing now": each a count or a state, with a link to act. */
export function NeedsDoing({ tasks }: { tasks: Task[] }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="What needs doing">
      {tasks.map((task) => (
        <li
          key={task.id}
          data-testid={`task-${task.id}`}
          className="flex items-center gap-4 py-3 first:pt-0 last:pb-0"
        >
          <span
            aria-hidden={task.count === undefined}
            className={`grid h-8 min-w-8 shrink-0 place-items-center rounded-full px-2 text-sm font-semibold tabular-nums ring-1 ring-inset ${TONES[task.tone]}`}
          >
            {task.count ?? (task.tone === "fine" ? "✓" : "!")}
          </span>
          {/* The link sits beside the text where there is room, under it on a phone. */}
          <span className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
            <span className="text-sm text-slate-800">{task.text}</span>
            {task.link && (
              <Link
                href={task.link.href}
                className="text-brand-700 text-sm font-medium whitespace-nowrap hover:underline"
              >
                {task.link.label} <span aria-hidden>→</span>
              </Link>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The brand account's state as a task: only the owner gets a link (/admin/x is theirs). */
export function brandTask(brand: BrandStatus | null, ownerLink: boolean): Task {
  const link = ownerLink ? { href: "/admin/x", label: "Open X account" } : undefined;
  const ask = ownerLink ? "" : " Ask the shop's owner to fix it.";
  if (!brand)
    return {
      id: "brand",
      tone: "problem",
      text: `No brand X account is connected, so the bot cannot answer replies.${ask}`,
      link,
    };
  const handle = `@${brand.username ?? brand.xUserId}`;
  if (brand.error)
    return {
      id: "brand",
      tone: "problem",
      text: `The brand account ${handle} has a token error: ${brand.error}.${ask}`,
      link,
    };
  if (brand.missingScopes.length)
    return {
      id: "brand",
      tone: "attention",
      text: `The brand account ${handle} lacks ${brand.missingScopes.join(", ")}: reconnect it.${ask}`,
      link,
    };
  return { id: "brand", tone: "fine", text: `The brand account ${handle} is connected.`, link };
}

/** The counted tasks of the home, toned by whether there is anything to do. */
export function countTasks(counts: {
  ordersToShip: number;
  productsOutOfStock: number;
  botAnswersWaiting: number;
  botAnswersFailed: number;
  xLink: boolean;
}): Task[] {
  const tone = (count: number, when: Task["tone"] = "attention") => (count ? when : "fine");
  const { ordersToShip, productsOutOfStock, botAnswersWaiting, botAnswersFailed } = counts;
  // Products have no console list yet: its count links nowhere until it does.
  const botLink = counts.xLink ? { href: "/admin/x", label: "Open X account" } : undefined;
  return [
    {
      id: "orders-to-ship",
      count: ordersToShip,
      tone: tone(ordersToShip),
      text: `${plural(ordersToShip, "order", "orders")} to ship`,
      link: { href: "/admin/orders?status=CONFIRMED", label: "Open orders" },
    },
    {
      id: "out-of-stock",
      count: productsOutOfStock,
      tone: tone(productsOutOfStock),
      text: `${plural(productsOutOfStock, "product", "products")} on sale out of stock`,
    },
    {
      id: "bot-waiting",
      count: botAnswersWaiting,
      tone: tone(botAnswersWaiting),
      text: `bot ${plural(botAnswersWaiting, "answer", "answers")} waiting to be posted on X`,
      link: botAnswersWaiting ? botLink : undefined,
    },
    {
      id: "bot-failed",
      count: botAnswersFailed,
      tone: tone(botAnswersFailed, "problem"),
      text: `bot ${plural(botAnswersFailed, "answer", "answers")} refused by X or failed in the last 7 days`,
    },
  ];
}
