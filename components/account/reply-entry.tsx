import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import {
  describeBotAnswer,
  describeEdit,
  describeReply,
} from "@/lib/replies/history/describe-reply";
import type { MyReply } from "@/lib/replies/history/list-my-replies";
import { productPath } from "@/lib/catalog/product-id";
import { LocalTime } from "@/components/ui/local-time";

const answerTones = {
  success: "text-emerald-700",
  warning: "text-amber-800",
  danger: "text-rose-700",
  neutral: "text-slate-600",
  info: "text-slate-600",
} as const;

/** One reply on "My replies": the product, what happened, what to do, and the bot's answer. */
export function ReplyEntry({ reply, xUrl }: { reply: MyReply; xUrl: string | null }) {
  const { product } = reply;
  const outcome = describeReply(reply);
  const answer = describeBotAnswer(reply.reply);
  const edit = describeEdit(reply);
  const details = [
    reply.quantity && reply.quantity > 1 ? `Quantity ${reply.quantity}` : null,
    reply.size ? `Size ${reply.size}` : null,
  ].filter(Boolean);

  return (
    <li
      data-testid="reply-entry"
      className="flex gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:gap-4"
    >
      <div className="size-14 shrink-0 overflow-hidden rounded-lg bg-slate-100 sm:size-20">
        {product?.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- SVG art; see ProductImage
          <img src={product.imageUrl} alt="" className="size-full object-cover" loading="lazy" />
        ) : (
          <span aria-hidden className="grid size-full place-items-center text-xl text-slate-400">
            #
          </span>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <h2 className="font-medium break-words">
            {product ? (
              <Link href={productPath(product.id)} className="hover:underline">
                {product.title}
              </Link>
            ) : (
              <span className="text-slate-600">
                {reply.outcome ? "No product matched" : "Your reply"}
              </span>
            )}
          </h2>
          <Badge tone={outcome.tone}>{outcome.label}</Badge>
        </div>
        <p className="text-xs text-slate-500">
          <LocalTime date={reply.receivedAt} />
          {details.length > 0 && ` · ${details.join(" · ")}`}
        </p>
        {reply.text ? (
          <blockquote className="rounded-lg bg-slate-50 px-3 py-2 text-sm break-words whitespace-pre-line text-slate-700">
            {reply.text}
          </blockquote>
        ) : (
          <p className="text-xs text-slate-500 italic">
            {reply.deletedAt
              ? "Its text went when you deleted it on X."
              : "Its text is deleted (you deleted your reply history)."}
          </p>
        )}
        {edit && (
          <p className="text-sm text-slate-700" data-testid="reply-edit">
            {edit}
          </p>
        )}
        <p className="text-sm text-slate-700">
          {outcome.advice}
          {outcome.action && (
            <>
              {" "}
              <Link
                href={outcome.action.href}
                className="text-brand-700 font-medium whitespace-nowrap hover:underline"
              >
                {outcome.action.label} →
              </Link>
            </>
          )}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs">
          {answer && (
            <p className={answerTones[answer.tone]} data-testid="bot-answer">
              {answer.text}
            </p>
          )}
          {xUrl && (
            <a
              href={xUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium whitespace-nowrap text-slate-700 hover:underline"
            >
              Your reply on X ↗
            </a>
          )}
        </div>
      </div>
    </li>
  );
}
