import { describe, expect, it } from "vitest";
import { parseQuantityAndSize } from "./parse-quantity-and-size";
import { replyCorpus, type CorpusReading } from "./reply-corpus";
import { resolveSize } from "./resolve-size";

// The reading the processor makes: the text parsed, then its size held against the variants.
function readingOf(text: string, variants: string[]): CorpusReading {
  const { quantity, size } = parseQuantityAndSize(text);
  return { quantity, ...resolveSize(size, variants) };
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
