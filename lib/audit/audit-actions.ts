// Every action the audit log records, with what the Activity page calls it (its filter lists
// these). An action is added here before anything can record it: recordAudit takes only these.

export const AUDIT_ACTIONS = {
  "brand.connect": "Connected the brand X account",
  "brand.disconnect": "Disconnected the brand X account",
  "user.role": "Changed a console role",
  "order.ship": "Shipped an order",
  "order.deliver": "Marked an order delivered",
  "order.cancel": "Cancelled an order",
  "order.note": "Added a note to an order",
  "post.create": "Posted a product on X",
  "post.attach": "Attached an X post to a product",
  "post.close": "Closed a product post for replies",
  "post.reopen": "Reopened a product post for replies",
  "product.create": "Added a product",
  "product.edit": "Edited a product",
  "product.archive": "Archived a product",
  "product.image": "Uploaded a product image",
  "stock.adjust": "Adjusted stock",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (value: string): value is AuditAction =>
  Object.hasOwn(AUDIT_ACTIONS, value);
