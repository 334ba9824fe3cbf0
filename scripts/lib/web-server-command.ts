/**
 * The web server's command (scripts/serve.ts: Next.js behind our client-address listener); it
 * reads PORT, HOST and TRUSTED_PROXIES from its environment.
 */
export function webServerCommand(dev = false): [command: string, args: string[]] {
  return [process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])]];
}
