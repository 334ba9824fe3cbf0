// GET /api/x/webhook - X's CRC challenge; POST - signed deliveries of replies, deletes, revokes.
import { toResponse } from "@/lib/http/api-answer";
import { answerCrc, receiveWebhook } from "@/lib/ingest/receive-webhook";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return toResponse(answerCrc(new URL(request.url).searchParams.get("crc_token")));
}

export async function POST(request: Request) {
  return toResponse(await receiveWebhook(request));
}
