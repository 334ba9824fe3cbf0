import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";
import { BOUNDED_WAITS, createPool, ReleasingPrismaPg } from "./pg-adapter";

/** A Prisma client on its own pool, or on `pool` when plain SQL shares it (and ends with it). */
export function createPrismaClient(url: string = databaseUrl(), pool = createPool(url)) {
  return new PrismaClient({
    adapter: new ReleasingPrismaPg(pool, { disposeExternalPool: true }),
  });
}

// Kept on globalThis so dev hot reloads reuse one pool instead of opening one per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

/** The app's connection pool: Prisma's, and the webhook's plain SQL (lib/ingest) beside it. */
export function appPool(): pg.Pool {
  globalForPrisma.pool ??= createPool(databaseUrl(), 10, BOUNDED_WAITS);
  return globalForPrisma.pool;
}

function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(databaseUrl(), appPool());
  return globalForPrisma.prisma;
}

/**
 * The app's Prisma client, created on first use so that importing this module (as `next build`
 * does while collecting pages) needs no database configuration.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
