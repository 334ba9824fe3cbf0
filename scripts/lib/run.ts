import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

export type RunOptions = {
  env?: NodeJS.ProcessEnv;
  quiet?: boolean;
  /** Also writes everything the command prints (both streams) to this file. */
  teeTo?: string;
};

/** Runs a command to completion; resolves with its exit code. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: options.quiet
        ? ["ignore", "ignore", "inherit"]
        : options.teeTo
          ? ["inherit", "pipe", "pipe"]
          : "inherit",
      env: options.env ?? process.env,
    });
    const copy = options.teeTo ? createWriteStream(options.teeTo) : null;
    if (copy) {
      child.stdout!.on("data", (chunk: Buffer) => (process.stdout.write(chunk), copy.write(chunk)));
      child.stderr!.on("data", (chunk: Buffer) => (process.stderr.write(chunk), copy.write(chunk)));
    }
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const done = () => resolve(code ?? (signal ? 128 : 1));
      if (copy) copy.end(done);
      else done();
    });
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
