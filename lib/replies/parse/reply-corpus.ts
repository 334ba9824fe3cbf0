import type { ResolvedSize } from "./resolve-size";

// Replies written the way shoppers write them on X, each with the variants of the product it
// answers and what the bot must read from it. The corpus test runs every case; a new way of
// writing a reply, or a reply read wrongly in production, belongs here first.

type AskKind = Extract<ResolvedSize, { ask: unknown }>["ask"];

/** The quantity, and the product's own spelling of the size, null for none, or why to ask. */
export type CorpusReading = { quantity: number } & ResolvedSize;

export type CorpusCase = { text: string; variants: string[]; reading: CorpusReading };

const TEE = ["S", "M", "L", "XL"];
const TEE_WIDE = ["XS", "S", "M", "L", "XL", "XXL"];
const PLUS = ["L", "XL", "2XL", "3XL"];
const SPELLED = ["Small", "Medium", "Large", "X-Large"];
const SHOES = ["38", "40", "42"];
const HALF_SIZES = ["10", "10.5", "11"];
const UK_DRESS = ["8", "10", "12"];
const COLOURS = ["Navy", "Sand"];
const PAIRED = ["S/M", "M/L"];
const NONE: string[] = [];

const WHICH = { ask: "which" } as const;
const UNKNOWN = { ask: "unknown" } as const;
const QUESTION = { ask: "question" } as const;

type Row = [
  text: string,
  variants: string[],
  quantity: number,
  size: string | null | { ask: AskKind },
];

const ROWS: Row[] = [
  // The reply, and questions about sizes: the bot asks, it never picks.
  ["what sizes do you have? #addtocart size XL", TEE, 1, QUESTION],
  ["#addtocart sizes?", TEE, 1, QUESTION],
  ["#addtocart size?", TEE, 1, QUESTION],
  ["#addtocart does it come in XL?", TEE, 1, QUESTION],
  ["#addtocart do you have it in medium?", TEE, 1, QUESTION],
  ["#addtocart is there a 2XL?", PLUS, 1, QUESTION],
  ["#addtocart any XL left?", TEE, 1, QUESTION],
  ["#addtocart XL available?", TEE, 1, QUESTION],
  ["#addtocart how does the sizing run?", TEE, 1, QUESTION],
  ["#addtocart does it run small? size M", TEE, 1, QUESTION],
  ["#addtocart size chart?", TEE, 1, QUESTION],
  ["#addtocart what sizes do you have", TEE, 1, QUESTION],
  ["#addtocart which size should I get, I'm usually a M", TEE, 1, QUESTION],
  ["#addtocart what size is the model wearing?", TEE, 1, QUESTION],
  ["#addtocart size XL, is it true to size?", TEE, 1, QUESTION],
  ["#addtocart XL? or L?", TEE, 1, QUESTION],
  ["#addtocart do you have navy?", COLOURS, 1, QUESTION],
  ["does this come in Sand?? #addtobasket", COLOURS, 1, QUESTION],
  ["#addtocart do u have 42?", SHOES, 1, QUESTION],
  ["#addtocart size XL? 🤔", TEE, 1, QUESTION],
  // A question about something else leaves the size as chosen; a polite request is an order.
  ["#addtocart size M, when does it ship?", TEE, 1, "M"],
  ["#addtocart size L! is it cotton?", TEE, 1, "L"],
  ["#addtocart can I get size M?", TEE, 1, "M"],
  ["#addtocart could I get an XL please?", TEE, 1, "XL"],
  ["#addtocart ships at 5pm?", NONE, 1, null],
  ["#addtocart 1/2 price?", NONE, 1, null],

  // Sizes after "size", "sz", "in size", with or without a colon.
  ["#addtocart size XL", TEE, 1, "XL"],
  ["#addtocart size: xl.", TEE, 1, "XL"],
  ["#addtocart size S", TEE, 1, "S"],
  ["#addtocart size m", TEE, 1, "M"],
  ["#AddToCart SIZE l", TEE, 1, "L"],
  ["#addtocart sz L", TEE, 1, "L"],
  ["#addtocart Sz: XXL", TEE_WIDE, 1, "XXL"],
  ["#addtocart in size L", TEE, 1, "L"],
  ["#addtocart size L.", TEE, 1, "L"],
  ["#addtocart size S!!", TEE, 1, "S"],
  ["#addtocart (size M)", TEE, 1, "M"],
  ["#addtocart\nsize: L\nqty: 2", TEE, 2, "L"],
  ["@replycart #addtocart 2 size m", TEE, 2, "M"],
  ["#addtocart size M", SPELLED, 1, "Medium"],
  ["#addtocart size 42", SHOES, 1, "42"],
  ["#addtocart sz 38 x2", SHOES, 2, "38"],
  ["#addtocart x2 in size 42 please", SHOES, 2, "42"],
  ["#addtocart 2 size 40", SHOES, 2, "40"],
  ["#addtocart size 10.5", HALF_SIZES, 1, "10.5"],
  ["#addtocart size 10", HALF_SIZES, 1, "10"],
  ["#addtocart size M/L", PAIRED, 1, "M/L"],
  ["#addtocart size S/M x2", PAIRED, 2, "S/M"],
  ["#addtobasket size 10", UK_DRESS, 1, "10"],
  ["#addtobasket 2 size 12", UK_DRESS, 2, "12"],

  // Size words, spelled or as letters that are no ordinary word.
  ["#addtocart in medium please", TEE, 1, "M"],
  ["#addtocart small", TEE, 1, "S"],
  ["#addtocart Large please 🙏", TEE, 1, "L"],
  ["#addtocart extra large", TEE, 1, "XL"],
  ["#addtocart Extra-Large", TEE, 1, "XL"],
  ["#addtocart x-large", TEE, 1, "XL"],
  ["#addtocart xlarge", TEE, 1, "XL"],
  ["#addtocart extra small", TEE_WIDE, 1, "XS"],
  ["#addtocart x-small", TEE_WIDE, 1, "XS"],
  ["#addtocart XL", TEE, 1, "XL"],
  ["#addtocart xl", TEE, 1, "XL"],
  ["#addtocart [XL]", TEE, 1, "XL"],
  ["#addtocart XXL", TEE_WIDE, 1, "XXL"],
  ["#addtocart 2XL", TEE_WIDE, 1, "XXL"],
  ["#addtocart xx-large", TEE_WIDE, 1, "XXL"],
  ["#addtocart 2XL", PLUS, 1, "2XL"],
  ["#addtocart XXL", PLUS, 1, "2XL"],
  ["#addtocart 3xl", PLUS, 1, "3XL"],
  ["#addtocart xxx-large", PLUS, 1, "3XL"],
  ["#addtocart medium", SPELLED, 1, "Medium"],
  ["#addtocart XL", SPELLED, 1, "X-Large"],
  ["#addtocart extra large", SPELLED, 1, "X-Large"],
  ["#addtocart the XL one, 2 of them", TEE, 2, "XL"],
  ["#addtocart XL XL", TEE, 1, "XL"],
  ["#addtocart size L, large", TEE, 1, "L"],
  ["#addtocart XL (my usual size)", TEE, 1, "XL"],
  ["need this!!! #addtocart XL 🙌", TEE, 1, "XL"],
  ["my sis wants this in small too lol #addtocart", TEE, 1, "S"],
  ["#addtocart for my son, he's 12, size S", TEE, 1, "S"],

  // The product's own variant names.
  ["#addtocart navy", COLOURS, 1, "Navy"],
  ["#addtocart in Sand please", COLOURS, 1, "Sand"],
  ["#addtobasket NAVY x2", COLOURS, 2, "Navy"],
  ["#addtocart navy or sand", COLOURS, 1, WHICH],
  ["#addtocart Navy, size M", COLOURS, 1, WHICH],
  ["#addtocart size M", COLOURS, 1, UNKNOWN],
  ["#addtocart XL", COLOURS, 1, UNKNOWN],
  ["#addtocart", COLOURS, 1, WHICH],

  // A lone S, M or L is an ordinary letter, and a bare number a quantity: neither is a size.
  ["#addtocart S", TEE, 1, WHICH],
  ["#addtocart M please", TEE, 1, WHICH],
  ["#addtocart L", TEE, 1, WHICH],
  ["#addtocart M", SPELLED, 1, WHICH],
  ["#addtocart sizes M and L", TEE, 1, WHICH],
  ["#addtocart 42", SHOES, 10, WHICH],

  // Two sizes, or a size the product lacks: the bot asks.
  ["#addtocart size L or XL", TEE, 1, WHICH],
  ["#addtocart size M and L", TEE, 1, WHICH],
  ["#addtocart medium or large", TEE, 1, WHICH],
  ["#addtocart size M, no wait, large", TEE, 1, WHICH],
  ["#addtocart size 40 or 42", SHOES, 1, WHICH],
  ["#addtocart size XXL", TEE, 1, UNKNOWN],
  ["#addtocart XXL", TEE, 1, UNKNOWN],
  ["#addtocart 2XL", TEE, 1, UNKNOWN],
  ["#addtocart size xs", TEE, 1, UNKNOWN],
  ["#addtocart size q", TEE, 1, UNKNOWN],
  ["#addtocart size 44", SHOES, 1, UNKNOWN],
  ["#addtobasket size 14", UK_DRESS, 1, UNKNOWN],
  ["#addtocart size M", PAIRED, 1, UNKNOWN],

  // No size named.
  ["#addtocart", TEE, 1, WHICH],
  ["@replycart #addtocart", TEE, 1, WHICH],
  ["#addtocart please", TEE, 1, WHICH],
  ["#addtocart size", TEE, 1, WHICH],
  ["#addtocart size please", TEE, 1, WHICH],
  ["#addtocart sizes", TEE, 1, WHICH],

  // A product without sizes ignores any size text.
  ["#addtocart", NONE, 1, null],
  ["#addtocart size XL", NONE, 1, null],
  ["#addtocart 2 size M", NONE, 2, null],
  ["#addtocart what sizes do you have?", NONE, 1, null],

  // Typos of "size" or of a size word are not corrected: the bot asks rather than guess.
  ["#addtocart sise M", TEE, 1, WHICH],
  ["#addtocart szie L", TEE, 1, WHICH],
  ["#addtocart meduim", TEE, 1, WHICH],
  ["#addtocart sise XL", TEE, 1, "XL"],

  // Full-width characters, emoji.
  ["＃ａｄｄｔｏｃａｒｔ ３ ｓｉｚｅ Ｌ", TEE, 3, "L"],
  ["＃ＡＤＤＴＯＣＡＲＴ ＸＬ", TEE, 1, "XL"],
  ["#addtocart size Ｍ", TEE, 1, "M"],
  ["#addtocart ２ ｐｃｓ size S", TEE, 2, "S"],
  ["#addtocart  ×２ ＸＬ", TEE, 2, "XL"],
  ["#addtocart size M？", TEE, 1, QUESTION],
  ["🔥🔥 #addtocart size M 🔥🔥", TEE, 1, "M"],
  ["#addtocart😍size L", TEE, 1, "L"],
  ["#addtocart 👕 x2 medium", TEE, 2, "M"],
  ["Got paid 💸 #addtocart size L ×3", TEE, 3, "L"],

  // Quantities, before or after the hashtag.
  ["#addtocart 2", NONE, 2, null],
  ["2 #addtocart", NONE, 2, null],
  ["#addtocart 1", NONE, 1, null],
  ["#addtocart x3", NONE, 3, null],
  ["#addtocart x 2", NONE, 2, null],
  ["#addtocart ×4", NONE, 4, null],
  ["#addtocart ✖️2", NONE, 2, null],
  ["#addtocart 3x", NONE, 3, null],
  ["#addtocart x10", NONE, 10, null],
  ["#addtocart qty 5", NONE, 5, null],
  ["#addtocart QTY:2", NONE, 2, null],
  ["quantity: 6 #addtocart", NONE, 6, null],
  ["#addtocart 3 pcs", NONE, 3, null],
  ["#addtocart want 3", NONE, 3, null],
  ["#addtocart I need 2 of these", NONE, 2, null],
  ["#addtocart 2 please", NONE, 2, null],
  ["@replycart #addtobasket 4 please", NONE, 4, null],
  ["#addtocart two please", NONE, 2, null],
  ["#addtocart three", NONE, 3, null],
  ["I'll take two #addtocart", NONE, 2, null],
  ["#addtocart gimme five", NONE, 5, null],
  ["#addtocart ten", NONE, 10, null],
  ["#addtocart one mug", NONE, 1, null],
  ["#addtocart 2 size M", TEE, 2, "M"],
  ["#addtocart size M 2", TEE, 2, "M"],
  ["#addtocart x2 size L", TEE, 2, "L"],
  ["#addtocart size L x2", TEE, 2, "L"],
  ["#addtocart 2x XL", TEE, 2, "XL"],
  ["#addtocart 2 XL", TEE, 2, "XL"],
  ["#addtocart 3 medium", TEE, 3, "M"],
  ["#addtocart medium 2", TEE, 2, "M"],
  ["#addtocart 2 x-large", TEE, 2, "XL"],
  ["#addtocart size M - 2 pcs", TEE, 2, "M"],
  ["#ADDTOCART SIZE XL X2", TEE, 2, "XL"],
  ["lovely! #addtobasket medium x3 cheers", TEE, 3, "M"],
  ["#AddToBasket 2 in large please", TEE, 2, "L"],
  ["#addtobasket size M", TEE, 1, "M"],
  ["@replycart omg yes #addtocart XL x2 https://t.co/qwErty123", TEE, 2, "XL"],

  // Words that are no quantity: the default 1, and never past 10.
  ["#addtocart a couple please", NONE, 1, null],
  ["#addtocart a couple of these", NONE, 1, null],
  ["#addtocart a few", NONE, 1, null],
  ["#addtocart eleven", NONE, 1, null],
  ["#addtocart 0", NONE, 1, null],
  ["#addtocart 999", NONE, 10, null],
  ["#addtocart 12", NONE, 10, null],

  // Numbers that are no quantity.
  ["#addtocart only $25!", NONE, 1, null],
  ["#addtocart $ 25 is a steal", NONE, 1, null],
  ["#addtocart £40 is a steal", NONE, 1, null],
  ["#addtocart 25 dollars, bargain", NONE, 1, null],
  ["#addtobasket 30 quid", NONE, 1, null],
  ["#addtocart 25$", NONE, 1, null],
  ["#addtocart 2026 is the year", NONE, 1, null],
  ["2026 #addtocart", NONE, 1, null],
  ["#addtocart 5 pm delivery", NONE, 1, null],
  ["#addtocart at 5 if it's still there", NONE, 1, null],
  ["see you at 5 #addtocart", NONE, 1, null],
  ["#addtocart 20% off", NONE, 1, null],
  ["#addtocart 20 percent off", NONE, 1, null],
  ["#addtocart 10cm", NONE, 1, null],
  ["#addtocart 42mm", NONE, 1, null],
  ["#addtocart 12 inches", NONE, 1, null],
  ["#addtocart 4.99 is cheap", NONE, 1, null],
  ["#addtocart 2-3 of these", NONE, 1, null],
  ["#addtocart 24/7 fan", NONE, 1, null],
  ["#addtocart 3 weeks till my bday", NONE, 1, null],
  ["#addtocart 2nd one for my mum", NONE, 1, null],
  ["#addtocart 100 likes and I'll buy", NONE, 1, null],
  ["#addtocart 5 stars", NONE, 1, null],
  ["@shop123 #addtocart", NONE, 1, null],
  ["@replycart @jo_99 #addtocart", NONE, 1, null],
  ["@jo_99 #addtocart", NONE, 1, null],
  ["#addtocart https://t.co/Ab3dE9fG2k", NONE, 1, null],
  ["#addtocart https://t.co/Ab3dE9 x2", NONE, 2, null],
  ["#addtocart #black2026", NONE, 1, null],
  ["#addtocart #black2026 #ad", NONE, 1, null],
  ["#blackfriday2026 deal #addtocart 2", NONE, 2, null],
  ["#addtocart size M x2 for $40", TEE, 2, "M"],
  ["#addtobasket £40? bargain, x2", NONE, 2, null],
  ["#addtocart #ootd size M", TEE, 1, "M"],

  // Labels and numbers that are no quantity, as the integration tests and simulator write them.
  ["#addtocart 3 (edit 5)", NONE, 3, null],
  ["#addtocart (reply 7)", NONE, 1, null],
  ["#addtocart mug 3", NONE, 1, null],
  ["#addtocart number 5", NONE, 1, null],
  ["#addtocart (0-1234)", NONE, 1, null],
  ["#addtocart \ufffd 2", NONE, 1, null],
  ["#addtocart reply 4", NONE, 1, null],

  // Quantities that disagree: the smallest.
  ["#addtocart 2 x3", NONE, 2, null],
  ["3 #addtocart x2", NONE, 2, null],
  ["#addtocart buy 2 get 1 free", NONE, 1, null],
  ["#addtocart 2 for me, qty 3 for my sister", NONE, 2, null],
  ["#addtocart x2 x2", NONE, 2, null],
  ["quantity 3 #addtocart 3", NONE, 3, null],
];

export const replyCorpus: CorpusCase[] = ROWS.map(([text, variants, quantity, size]) => ({
  text,
  variants,
  reading: typeof size === "object" && size !== null ? { quantity, ...size } : { quantity, size },
}));
