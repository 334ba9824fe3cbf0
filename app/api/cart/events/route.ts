// GET /api/cart/events - the signed-in shopper's cart changes, live, as Server-Sent Events.
import { getCurrentUser } from "@/lib/auth/current-user";
import { apiError, toResponse } from "@/lib/http/api-answer";
import { appCartEvents } from "@/lib/live/app-cart-events";
import { openCartEventStream } from "@/lib/live/cart-event-stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return toResponse(apiError(401, "not_signed_in", "Sign in to follow your cart."));
  return openCartEventStream(appCartEvents(), user.id, request.signal);
}
