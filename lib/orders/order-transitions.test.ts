import { describe, expect, it } from "vitest";
import { availableActions, transitionRefusal } from "./order-transitions";

describe("the order transition table", () => {
  it("allows confirmed → shipped → delivered, and confirmed → cancelled", () => {
    expect(transitionRefusal("ship", "CONFIRMED")).toBeNull();
    expect(transitionRefusal("deliver", "SHIPPED")).toBeNull();
    expect(transitionRefusal("cancel", "CONFIRMED")).toBeNull();
  });

  it("refuses every other move with a message", () => {
    expect(transitionRefusal("ship", "CANCELLED")).toBe("A cancelled order cannot be shipped.");
    expect(transitionRefusal("cancel", "DELIVERED")).toBe("A delivered order cannot be cancelled.");
    expect(transitionRefusal("cancel", "SHIPPED")).toMatch(/can no longer be cancelled/);
    expect(transitionRefusal("deliver", "CONFIRMED")).toMatch(/Ship this order/);
    expect(transitionRefusal("ship", "SHIPPED")).toMatch(/already shipped/);
  });

  it("offers only the allowed actions", () => {
    expect(availableActions("CONFIRMED")).toEqual(["ship", "cancel"]);
    expect(availableActions("SHIPPED")).toEqual(["deliver"]);
    expect(availableActions("DELIVERED")).toEqual([]);
    expect(availableActions("CANCELLED")).toEqual([]);
  });
});
