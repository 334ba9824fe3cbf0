/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry. Next.js
 * fills the header from the socket when a request arrives without one; a reverse proxy in front
 * (nginx's $proxy_add_x_forwarded_for, any load balancer) appends the address it saw, so the
 * last entry is the one no client can choose. A server exposed without a proxy cannot tell:
 * a client may then send its own header (the README says to deploy behind one).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
