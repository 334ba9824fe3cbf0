/**
 * Reads a body as bytes, giving up as soon as it passes `limit` bytes (counted as they stream
 * in; a Content-Length header can lie or be absent). Resolves to null when too large. `body` is
 * any stream of bytes: a fetch Request's body, or node's IncomingMessage itself.
 */
export async function readCappedBody(
  body: AsyncIterable<Uint8Array> | null,
  contentLength: string | null,
  limit: number,
): Promise<Uint8Array | null> {
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so an oversized body is not read to its end.
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
