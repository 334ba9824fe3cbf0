import { randomUUID } from "node:crypto";

/**
 * An id for a row written with plain SQL, where Prisma's client-side cuid() is not there:
 * lowercase letters and digits only, like a cuid, so the same id checks hold for both.
 */
export const newId = () => randomUUID().replaceAll("-", "");
