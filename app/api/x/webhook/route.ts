// GET /api/x/webhook - X's CRC challenge; POST - signed deliveries of replies, deletes, revokes.
import { answerCrc, receiveWebhook, type WebhookAnswer } from "@/lib/ingest/receive-webhook";

export const dynamic = "force-dynamic";

const respond = ({ status, body, headers }: WebhookAnswer) =>
  Response.json(body, { status, headers });

export function GET(request: Request) {
  return respond(answerCrc(new URL(request.url).searchParams.get("crc_token")));
}

export async function POST(request: Request) {
  return respond(await receiveWebhook(request));
}
