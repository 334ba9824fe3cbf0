import { cache } from "react";
import { getOrder } from "@/lib/orders/get-order";

/** The shopper's order, read once per request by the layout and the page. */
export const findOrder = cache(getOrder);
