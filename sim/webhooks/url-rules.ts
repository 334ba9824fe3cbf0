// X's webhook URL rules: HTTPS, no port, at most 200 characters. The simulator also accepts
// plain http on loopback hosts (any port), so a local app can receive deliveries.

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function webhookUrlProblem(raw: string): string | null {
  if (raw.length > 200) return "The URL is longer than 200 characters.";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "The URL is not a valid absolute URL.";
  }
  if (LOOPBACK.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:"))
    return null;
  if (url.protocol !== "https:") return "The URL must use https.";
  if (url.port) return "The URL must not specify a port.";
  return null;
}
