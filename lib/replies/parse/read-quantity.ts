import { MAX_QUANTITY } from "@/lib/cart/max-quantity";
import { SIZE_MARK } from "./read-size-request";

// "one" is left out: as often "this one" or "the XL one" as a count, and 1 is the default.
const NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const NUMBER = `(\\d{1,3}|${NUMBER_WORDS.join("|")})`;
const DIGITS = String.raw`(\d{1,3})`;

// Not the end of a price, a decimal, a range, a date, a time or a handle: "$25", "$ 25", "4.99",
// "2-3", "24/7", "#1", "at 5".
const LEAD = String.raw`(?<![\p{L}\p{N}$£€¥#@/.,+-])(?<![$£€¥]\s)(?<!\b(?:at|by|around|before|after|until|till|til|from|since)\s)`;
const UNITS = [
  "%|percent|pct",
  "cm|mm|km|inch(?:es)?|ft|feet|foot|kg|lbs?|oz|ml|lit(?:re|er)s?",
  "dollars?|bucks|usd|gbp|eur|euros?|pounds?|quid|pence|cents?",
  "am|pm|o'?clock|hours?|hrs?|mins?|minutes?|secs?|seconds?|days?|weeks?|wks?|months?|years?|yrs?",
  "likes?|followers?|retweets?|rts|views?|stars?|times",
].join("|");
// Nor glued to a unit or followed by one: "10cm", "25$", "20%", "5 pm", "25 dollars", "3 weeks".
const TAIL = String.raw`(?![\p{L}\p{N}$£€¥%/]|[.,:-]\d|\s*(?:${UNITS})(?!\p{L}))`;

// Where a number is a quantity; anywhere else ("mug 3", "(edit 5)", "he's 12") it is not.
const CUES = [
  // Beside a hashtag: "#addtocart 2", "2 #addtocart".
  String.raw`#\p{L}[\p{L}_]*[\s:]+${NUMBER}${TAIL}`,
  String.raw`${LEAD}${NUMBER}${TAIL}\s+#\p{L}`,
  // Marked: "x2", "x 2", "×2", "✖️2", "2x".
  String.raw`(?<![\p{L}\p{N}])[x×✕✖]\uFE0F?\s?${DIGITS}${TAIL}`,
  String.raw`${LEAD}${DIGITS}[x×](?![\p{L}\p{N}])`,
  // Labelled or asked for: "qty 3", "quantity: 3", "take two", "need 2".
  String.raw`(?<!\p{L})(?:qty|quantity)\s*[:=-]?\s*${NUMBER}${TAIL}`,
  String.raw`(?<!\p{L})(?:take|want|need|get|order|buy|grab|add|gimme|give me)\s+${NUMBER}${TAIL}`,
  // Counted: "3 pcs", "2 of these", "2 please".
  String.raw`${LEAD}${NUMBER}\s*(?:pcs|pc|pieces?|units?|items?|of (?:them|these|those|this|em)|please|pls|plz)(?!\p{L})`,
  // Beside a size: "size M 2", "2 XL".
  String.raw`${SIZE_MARK}\s+${DIGITS}${TAIL}`,
  String.raw`${LEAD}${DIGITS}${TAIL}\s+${SIZE_MARK}`,
].map((cue) => new RegExp(cue, "gu"));

const valueOf = (number: string) => {
  const word = NUMBER_WORDS.indexOf(number);
  return word >= 0 ? word + 2 : Number(number);
};

/**
 * The quantity a reply's text asks for, within 1-10 (0 reads as 1, more than 10 as 10); 1 when
 * it names none. The text is folded (NFKC), lower-cased, without links, handles or hashtags with
 * digits, and its sizes replaced by SIZE_MARK (readSizeRequest). Where it names different
 * quantities ("#addtocart 2 x3", "buy 2 get 1 free") the smallest counts: the bot's answer says
 * how many went in, and a shopper adds more with another reply, where one who got too many has
 * to go to the cart.
 */
export function readQuantity(text: string): number {
  let smallest = Infinity;
  for (const cue of CUES)
    for (const found of text.matchAll(cue)) smallest = Math.min(smallest, valueOf(found[1]!));
  return smallest === Infinity ? 1 : Math.min(MAX_QUANTITY, Math.max(1, smallest));
}
