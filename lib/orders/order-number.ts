/** The order's number for people: short, stable, and the same in pages and emails. */
export const orderNumber = (orderId: string) => orderId.slice(-8).toUpperCase();
