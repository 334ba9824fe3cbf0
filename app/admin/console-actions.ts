import type { z } from "zod";
import type { ConsoleGuard } from "@/app/_actions/server-action";
import { noteSchema, transitionOrderSchema } from "@/lib/orders/transition-order";

// Every console server action's guard, declared here and passed to runAction by the action
// itself. test/integration/console-guard.test.ts holds each app/admin/**/actions.ts export to an
// entry here and checks who each entry lets in; e2e/admin-console.spec.ts posts every console
// action of the build as a shopper and as staff.

type ConsoleActionGuard = ConsoleGuard & { signedOut: string; schema?: z.ZodType };

export const CONSOLE_ACTIONS = {
  disconnectBrandAction: {
    permission: "x_account",
    signedOut: "Your session has ended. Sign in again to disconnect the brand account.",
    forbidden: "Only the shop's owner can disconnect the brand account.",
  },
  transitionOrderAction: {
    permission: "orders",
    signedOut: "Your session has ended. Sign in again to change the order.",
    forbidden: "Only the shop's owner and staff can change orders.",
    schema: transitionOrderSchema,
  },
  addOrderNoteAction: {
    permission: "orders",
    signedOut: "Your session has ended. Sign in again to add the note.",
    forbidden: "Only the shop's owner and staff can add notes to orders.",
    schema: noteSchema,
  },
  postProductAction: {
    permission: "posts",
    signedOut: "Your session has ended. Sign in again to post on X.",
    forbidden: "Your role cannot post on X for the shop.",
  },
  closePostAction: {
    permission: "posts",
    signedOut: "Your session has ended. Sign in again to close the post.",
    forbidden: "Your role cannot close the shop's posts.",
  },
  reopenPostAction: {
    permission: "posts",
    signedOut: "Your session has ended. Sign in again to reopen the post.",
    forbidden: "Your role cannot reopen the shop's posts.",
  },
  attachPostAction: {
    permission: "posts",
    signedOut: "Your session has ended. Sign in again to attach the post.",
    forbidden: "Your role cannot attach posts to products.",
  },
  createProductAction: {
    permission: "products",
    signedOut: "Your session has ended. Sign in again to add the product.",
    forbidden: "Only the shop's staff and owner can add products.",
  },
  updateProductAction: {
    permission: "products",
    signedOut: "Your session has ended. Sign in again to save the product.",
    forbidden: "Only the shop's staff and owner can edit products.",
  },
  adjustStockAction: {
    permission: "products",
    signedOut: "Your session has ended. Sign in again to adjust the stock.",
    forbidden: "Only the shop's staff and owner can adjust stock.",
  },
  archiveProductAction: {
    permission: "products",
    signedOut: "Your session has ended. Sign in again to archive the product.",
    forbidden: "Only the shop's staff and owner can archive products.",
  },
} as const satisfies Record<string, ConsoleActionGuard>;

export type ConsoleActionName = keyof typeof CONSOLE_ACTIONS;

// The console's route handlers that change things (a route, not an action, where a body is too
// big for server actions), guarded the same way; console-guard.test.ts checks them too.
export const CONSOLE_ROUTES = {
  uploadProductImage: {
    permission: "products",
    signedOut: "Your session has ended. Sign in again to upload the image.",
    forbidden: "Only the shop's staff and owner can upload product images.",
  },
} as const satisfies Record<string, ConsoleActionGuard>;
