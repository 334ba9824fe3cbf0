// Who may use what in the console, shared by the integration guard test and the e2e console
// spec (both held to the same table). Kept free of imports so Playwright's loader and vitest
// both take it by a plain relative path.

/** Every console server action, and whether staff may run it (owners may run them all). */
export const CONSOLE_ACTION_ACCESS: Record<string, { staff: boolean }> = {
  attachPostAction: { staff: true },
  closePostAction: { staff: true },
  disconnectBrandAction: { staff: false },
  transitionOrderAction: { staff: true },
  addOrderNoteAction: { staff: true },
  postProductAction: { staff: true },
  reopenPostAction: { staff: true },
  createProductAction: { staff: true },
  updateProductAction: { staff: true },
  adjustStockAction: { staff: true },
  archiveProductAction: { staff: true },
};

/** One real address of every console page, for visiting them all in the browser. */
export const CONSOLE_PAGE_PATHS = [
  "/admin",
  "/admin/orders",
  "/admin/posts",
  "/admin/posts/new?product=us-organic-tee",
  "/admin/posts/attach",
  "/admin/products",
  "/admin/products/new",
  "/admin/products/us-organic-tee",
  "/admin/x",
  "/admin/settings",
  "/admin/settings/activity",
] as const;
