import type { SimState } from "./types";

// X's snowflake epoch (2010-11-04); ids grow with time, which is what since_id relies on.
const TWITTER_EPOCH = 1288834974657n;

/** Next snowflake-like id: time-based, and always larger than every id handed out before. */
export function nextId(state: SimState, now = Date.now()): string {
  const fromClock = (BigInt(now) - TWITTER_EPOCH) << 22n;
  const last = BigInt(state.lastId);
  const id = fromClock > last ? fromClock : last + 1n;
  state.lastId = id.toString();
  return state.lastId;
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
