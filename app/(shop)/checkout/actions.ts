"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { confirmCheckout } from "@/lib/checkout/confirm-checkout";
import type { CheckoutChange } from "@/lib/checkout/describe-changes";
import { ADDRESS_FIELDS } from "@/lib/checkout/shipping-address";
import { getEnv } from "@/lib/env";

export type CheckoutState = {
  error?: string;
  changes?: CheckoutChange[];
  fieldErrors?: Partial<Record<string, string>>;
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
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again to place your order." };
  const input = Object.fromEntries(
    [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const result = await confirmCheckout({
    userId: user.id,
    // Next also compares Origin with Host; this holds it to the shop's configured address.
    origin: (await headers()).get("origin"),
    appUrl: getEnv().APP_URL,
    input,
  });
  const values = typedAddress(formData);
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
      revalidatePath("/checkout");
      return {
        error:
          result.reason === "origin"
            ? `${result.message} Open the shop at ${getEnv().APP_URL} and confirm there.`
            : result.message,
        values,
      };
  }
}
