import { getEnv } from "@/lib/env";
import { apiError, type ApiAnswer } from "@/lib/http/api-answer";
import { readCappedBody } from "@/lib/http/read-capped-body";
import { appPool } from "@/lib/database/db";
import { createByteBudget, type ByteBudget } from "@/lib/ingest/byte-budget";
import { createGroupCommit } from "@/lib/ingest/group-commit";
import { crcResponseToken, isCrcToken, isWebhookSignatureValid } from "@/lib/x/webhook-signature";
import { readDelivery } from "@/lib/x/webhook-payloads";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

// One per process: concurrent deliveries share their commits (see group-commit.ts).
const inbox = createGroupCommit(appPool);
let waitingBytes: ByteBudget | undefined;
const budget = () => (waitingBytes ??= createByteBudget(getEnv().WEBHOOK_MAX_WAITING_BYTES));

// How long X should wait before delivering again when the inbox is full or down.
const RETRY_AFTER_SECONDS = 5;

export type WebhookAnswer = ApiAnswer;

/**
 * What of a delivery the ingest reads: its body's bytes as they stream in, and its headers. A
 * fetch Request is one; a bare node:http listener hands over its request without building one.
 */
export type WebhookRequest = {
  body: AsyncIterable<Uint8Array> | null;
  headers: { get(name: string): string | null };
};

const refuse = apiError;
const retryLater = { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } };

/** X's CRC challenge (GET ?crc_token=...). */
export function answerCrc(crcToken: string | null): WebhookAnswer {
  if (!crcToken) return refuse(400, "missing_crc_token", "crc_token is required");
  if (!isCrcToken(crcToken))
    return refuse(400, "malformed_crc_token", "crc_token must be up to 128 base64 characters");
  return {
    status: 200,
    body: { response_token: crcResponseToken(getEnv().x.consumerSecret, crcToken) },
  };
}

/**
 * One signed delivery, in the order that keeps bad input cheap: size, then signature over the
 * raw bytes, then JSON. Acknowledged only once the inbox has committed it; a database outage is
 * the one 5xx, so that X delivers again.
 */
export async function receiveWebhook(request: WebhookRequest): Promise<WebhookAnswer> {
  const raw = await readCappedBody(
    request.body,
    request.headers.get("content-length"),
    MAX_WEBHOOK_BODY_BYTES,
  );
  if (!raw) return refuse(413, "body_too_large", "The body is larger than 1 MiB");
  const signature = request.headers.get("x-twitter-webhooks-signature");
  if (!isWebhookSignatureValid(getEnv().x.consumerSecret, raw, signature))
    return refuse(401, "bad_signature", "The x-twitter-webhooks-signature does not match");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw).toString("utf8"));
  } catch {
    return refuse(400, "malformed_json", "The body is not JSON");
  }
  // Every X delivery is an object. A bare number or literal is refused even when signed: a CRC
  // answer for a token like "123" is a valid signature of the body 123.
  if (!json || typeof json !== "object" || Array.isArray(json))
    return refuse(400, "not_an_object", "The body is not a JSON object");
  if (!budget().take(raw.byteLength))
    return {
      ...refuse(
        503,
        "inbox_busy",
        "Too many deliveries are waiting to be stored; deliver it again",
      ),
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    };
  try {
    await inbox.record(readDelivery(json));
  } catch {
    return refuse(
      503,
      "inbox_unavailable",
      "The delivery could not be stored; deliver it again",
      retryLater,
    );
  } finally {
    budget().give(raw.byteLength);
  }
  return { status: 200, body: { ok: true } };
}
