import type { Env } from "@/lib/env";

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

export const isLoopbackHost = (host: string) => LOOPBACK.test(host);

/** Where something lives, without the credentials a URL may carry. */
const where = (url: string) => {
  const { host, pathname } = new URL(url);
  return `${host}${pathname === "/" ? "" : pathname}`;
};

/** The server's first log line: which mode runs, on what, reachable from where. */
export function describeMode(env: Env): string {
  const database = env.DATABASE_URL
    ? `Postgres at ${where(env.DATABASE_URL)}`
    : "embedded Postgres";
  const x = env.x.simulated ? "the X simulator" : `X at ${where(env.x.apiBaseUrl)}`;
  const mail = env.SMTP_URL
    ? `email through ${new URL(env.SMTP_URL).host}`
    : "sign-in links in the dev mailbox";
  const listen = env.HOST ? `listening on ${env.HOST} only` : "listening on every interface";
  const mode = env.mode === "demo" ? "Demo mode" : "Deployment mode";
  return `${mode}: ${database}, ${x}, ${mail}; ${listen}.`;
}

/** A demo opened to the network by HOST: say plainly what that exposes. */
export function demoExposureWarning(env: Env): string | undefined {
  if (env.mode !== "demo" || (env.HOST && isLoopbackHost(env.HOST))) return;
  const exposed = [
    ...(env.SMTP_URL
      ? []
      : [
          `serves the dev mailbox to anyone who can reach port ${env.PORT}, and with it a ` +
            `sign-in as any account, the admin's included`,
        ]),
    ...(env.x.simulated
      ? [
          `takes webhook deliveries signed with this demo's own consumer secret ` +
            `(${env.DATA_DIR}/secrets.json, never the simulator's public one): anyone who can ` +
            `read that file can forge replies, deletes and revokes`,
        ]
      : []),
  ];
  if (!exposed.length) return;
  return `Warning: HOST=${env.HOST ?? "(every interface)"} ${exposed.join("; it ")}.`;
}
