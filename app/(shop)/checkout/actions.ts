"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Refusal } from "@/lib/actions/result";
import { confirmCheckout, type ConfirmResult } from "@/lib/checkout/confirm-checkout";
import { ADDRESS_FIELDS } from "@/lib/checkout/shipping-address";
import { getEnv } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";
import { runAction, type GuardCode } from "@/app/_actions/server-action";

const log = createLogger("checkout");

type Typed = Partial<Record<string, string>>;

/**
 * What the form shows after a confirmation that placed nothing: the refusal (with the changes or
 * the fields to fix), and what the shopper typed, so the form keeps it. An order redirects.
 */
export type CheckoutState =
  | ((Exclude<ConfirmResult, { ok: true }> | Refusal<GuardCode | "failed">) & { values: Typed })
  | null;

function typedAddress(formData: FormData) {
  const values: Typed = {};
  for (const field of ADDRESS_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 200);
  }
  return values;
}

// POST from the checkout page: places the reviewed order, once per review.
export async function confirmCheckoutAction(
  _state: CheckoutState,
  formData: FormData,
): Promise<CheckoutState> {
  const values = typedAddress(formData);
  const input = Object.fromEntries(
    [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  let result: ConfirmResult | Refusal<GuardCode>;
  try {
    result = await runAction(
      {
        signedOut: "Your session has ended. Sign in again, then confirm: nothing was ordered.",
        notFromShop: `This confirmation did not come from the shop's checkout page. Nothing was ordered. Open the shop at ${getEnv().APP_URL} and confirm there.`,
      },
      input,
      (user, input) => confirmCheckout({ userId: user.id, input }),
    );
  } catch (error) {
    // The order may or may not have committed (a lost reply from the database): this review's
    // key makes confirming again safe either way, so the page keeps it.
    log.error(`confirm failed: ${(error as Error).message}`);
    return {
      ok: false,
      code: "failed",
      message:
        "We couldn't confirm your order just now. Confirming again is safe: it never orders twice. If it keeps failing, check Your orders before trying later.",
      values,
    };
  }
  if (result.ok) {
    // The header's cart count and the cart page change with the order.
    revalidatePath("/", "layout");
    redirect(`/orders/${result.orderId}?placed=1`);
  }
  // The page renders again with today's cart and a new key for a new review.
  if (result.code === "changed" || result.code === "bad_request" || result.code === "key_reused")
    revalidatePath("/checkout");
  return { ...result, values };
}
