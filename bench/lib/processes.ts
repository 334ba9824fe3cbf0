import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Service = { name: string; child: ChildProcess; stop: () => Promise<void> };

/** A server or worker of the bench, its output in bench/results/logs/<name>.log. */
export function startService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
): Service {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // The whole group: `next start` and tsx run their server in a child process.
      process.kill(-child.pid!, "SIGINT");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitForUrl(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A process and everything it started (`next start` runs its server as a child). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter(Boolean);
  } catch {
    // no children
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * The largest peak resident set (VmHWM) among a service's processes, in MiB: the kernel keeps
 * each process's high-water mark, so one read after a scenario covers all of it.
 */
export function peakRssMiB(service: Service): number {
  let peak = 0;
  for (const pid of processTree(service.child.pid!)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kib / 1024);
    } catch {
      // gone
    }
  }
  return Math.round(peak);
}

/** Refuses to start on a port another process holds (a server left by an earlier run, say). */
export async function assertPortFree(port: number) {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${port} is in use: stop what holds it, or choose other ports.`);
}
