"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { confirmCheckout, type ConfirmResult } from "@/lib/checkout/confirm-checkout";
import type { CheckoutChange } from "@/lib/checkout/describe-changes";
import { ADDRESS_FIELDS } from "@/lib/checkout/shipping-address";
import { getEnv } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";

const log = createLogger("checkout");

export type CheckoutState = {
  error?: string;
  changes?: CheckoutChange[];
  fieldErrors?: Partial<Record<string, string>>;
  /** The session ended: the page offers to sign in and come back. */
  signIn?: boolean;
  /** What the shopper typed, so a refused form keeps it. */
  values?: Partial<Record<string, string>>;
};

function typedAddress(formData: FormData) {
  const values: Partial<Record<string, string>> = {};
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
  const user = await getCurrentUser();
  if (!user)
    return {
      error: "Your session has ended. Sign in again, then confirm: nothing was ordered.",
      signIn: true,
      values,
    };
  const input = Object.fromEntries(
    [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  let result: ConfirmResult;
  try {
    result = await confirmCheckout({
      userId: user.id,
      // Next compares Origin with Host but lets a missing one through: checked against APP_URL.
      origin: (await headers()).get("origin"),
      appUrl: getEnv().APP_URL,
      input,
    });
  } catch (error) {
    // The order may or may not have committed (a lost reply from the database): this review's
    // key makes confirming again safe either way, so the page keeps it.
    log.error(`confirm failed: ${(error as Error).message}`);
    return {
      error:
        "We couldn't confirm your order just now. Confirming again is safe: it never orders twice. If it keeps failing, check Your orders before trying later.",
      values,
    };
  }
  switch (result.status) {
    case "ordered":
      // The header's cart count and the cart page change with the order.
      revalidatePath("/", "layout");
      redirect(`/orders/${result.orderId}?placed=1`);
    case "invalid_address":
      return { fieldErrors: result.fieldErrors, values };
    case "changed":
      // The page renders again with today's cart and a new key for this new review.
      revalidatePath("/checkout");
      return { changes: result.changes, values };
    case "rejected":
      if (result.reason !== "busy") revalidatePath("/checkout");
      return {
        error:
          result.reason === "origin"
            ? `${result.message} Open the shop at ${getEnv().APP_URL} and confirm there.`
            : result.message,
        values,
      };
  }
}
