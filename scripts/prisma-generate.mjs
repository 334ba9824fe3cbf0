// Runs `prisma generate` from postinstall. Prisma 6.19 cannot read the schema's datasource when
// DATABASE_URL is unset and then falls back to downloading a native engine, which fails offline.
// Generation never connects, so any syntactically valid URL will do.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.DATABASE_URL ||= "postgresql://generate@127.0.0.1:5432/unused";
const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: true });
process.exit(result.status ?? 1);
