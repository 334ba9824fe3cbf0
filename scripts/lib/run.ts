import { spawn, type ChildProcess } from "node:child_process";

export type RunOptions = { env?: NodeJS.ProcessEnv; quiet?: boolean };

/** Runs a command to completion; resolves with its exit code. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
      env: options.env ?? process.env,
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Like run(), but throws when the command fails. */
export async function runOrThrow(command: string, args: string[], options: RunOptions = {}) {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}`);
}

/** Starts a long-running child that shares this terminal. */
export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env });
}

export const bin = (name: string) => `node_modules/.bin/${name}`;
