import type { SimContext } from "../context";
import { nextId } from "../state/ids";
import type { SimUser } from "../state/types";

export type CreateUserResult = { ok: true; user: SimUser } | { ok: false; message: string };

/** Adds a demo user; usernames follow X's rules (1-15 letters, digits, underscores). */
export function createDemoUser(sim: SimContext, username: string, name?: string): CreateUserResult {
  if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) {
    return { ok: false, message: "A username has 1 to 15 letters, digits or underscores." };
  }
  const state = sim.store.state;
  if (state.users.some((u) => u.username.toLowerCase() === username.toLowerCase())) {
    return { ok: false, message: `@${username} is already taken.` };
  }
  const user: SimUser = {
    id: nextId(state, sim.now()),
    username,
    name: name?.trim() || username,
    createdAt: new Date(sim.now()).toISOString(),
    description: "",
    protected: false,
  };
  state.users.push(user);
  sim.store.changed();
  return { ok: true, user };
}
