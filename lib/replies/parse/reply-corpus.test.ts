import { describe, expect, it } from "vitest";
import { parseQuantityAndSize } from "./parse-quantity-and-size";
import { replyCorpus, type CorpusReading } from "./reply-corpus";

// Today's reading, as the processor makes it: the parsed size checked against the variants.
function readingOf(text: string, variants: string[]): CorpusReading {
  const { quantity, size } = parseQuantityAndSize(text);
  if (!variants.length) return { quantity, size: null };
  const variant = size && variants.find((v) => v.toUpperCase() === size.toUpperCase());
  if (variant) return { quantity, size: variant };
  return { quantity, ask: size === null ? "which" : "unknown" };
}

// Named in full (an object's fields would be cut short in the name): the text as written, the
// product's variants, and the reading expected.
const cases = replyCorpus.map(
  (c) =>
    [
      `${JSON.stringify(c.text)} [${c.variants.join(" ")}] → ${JSON.stringify(c.reading)}`,
      c,
    ] as const,
);

describe("the reply corpus", () => {
  it.each(cases)("%s", (_name, { text, variants, reading }) => {
    expect(readingOf(text, variants)).toEqual(reading);
  });
});
