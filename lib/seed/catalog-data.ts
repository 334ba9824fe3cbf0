// The demo catalog. Ids are stable so product tweets and links survive a re-seed.

/** A size and its stock. */
export type SizeStock = [size: string, stock: number];

export type SeedProduct = {
  id: string;
  title: string;
  description: string;
  priceMinor: number;
  /** The stock of a product without sizes, or each size's in the order shown. */
  stock: number | SizeStock[];
  art: ProductArt;
  digital?: boolean;
};

export type ProductArt =
  | "headphones"
  | "mug"
  | "tshirt"
  | "book"
  | "giftcard"
  | "backpack"
  | "plant"
  | "lamp"
  | "bottle"
  | "sneaker"
  | "watch"
  | "candle";

export type SeedMarketplace = {
  id: string;
  code: string;
  name: string;
  currency: string;
  hashtags: string[];
  cartWord: string;
  products: SeedProduct[];
};

export const seedMarketplaces: SeedMarketplace[] = [
  {
    id: "us",
    code: "US",
    name: "United States",
    currency: "USD",
    hashtags: ["addtocart"],
    cartWord: "cart",
    products: [
      {
        id: "us-wireless-earbuds",
        title: "Wireless Earbuds",
        description:
          "Eight hours of playback, a pocket-sized charging case and a seal that stays put on a run.",
        priceMinor: 7999,
        stock: 40,
        art: "headphones",
      },
      {
        id: "us-stoneware-mug",
        title: "Stoneware Mug",
        description: "A hand-glazed 12 oz mug that keeps coffee warm through the first email.",
        priceMinor: 1800,
        stock: 120,
        art: "mug",
      },
      {
        id: "us-organic-tee",
        title: "Organic Cotton Tee",
        description: "Heavyweight organic cotton, cut to keep its shape wash after wash.",
        priceMinor: 2800,
        stock: [
          ["S", 15],
          ["M", 15],
          ["L", 15],
          ["XL", 15],
        ],
        art: "tshirt",
      },
      {
        id: "us-field-notes",
        title: "Field Notes Journal",
        description: "A dot-grid notebook with 192 pages of paper that fountain pens like.",
        priceMinor: 1400,
        stock: 200,
        art: "book",
      },
      {
        id: "us-gift-card",
        title: "replycart Gift Card",
        description: "Sent by email, spendable on anything in the shop.",
        priceMinor: 2500,
        stock: 9999,
        art: "giftcard",
        digital: true,
      },
      {
        id: "us-daypack",
        title: "City Daypack",
        description: "A 20 L water-resistant pack with a padded laptop sleeve.",
        priceMinor: 8900,
        stock: 25,
        art: "backpack",
      },
      {
        id: "us-desk-plant",
        title: "Desk Succulent",
        description: "A low-fuss succulent in a ceramic pot, shipped in recycled packaging.",
        priceMinor: 2200,
        stock: 35,
        art: "plant",
      },
      {
        id: "us-reading-lamp",
        title: "Reading Lamp",
        description: "Warm, dimmable light on a weighted brass base.",
        priceMinor: 6400,
        stock: 15,
        art: "lamp",
      },
      {
        id: "us-steel-bottle",
        title: "Insulated Bottle",
        description: "Keeps water cold for 24 hours, fits every cup holder.",
        priceMinor: 3200,
        stock: 80,
        art: "bottle",
      },
      {
        id: "us-trail-sneaker",
        title: "Trail Sneaker",
        description: "Grippy, light and ready for the first muddy mile.",
        priceMinor: 11900,
        stock: 0,
        art: "sneaker",
      },
      {
        id: "us-field-watch",
        title: "Field Watch",
        description: "A 38 mm automatic with a canvas strap and a legible dial.",
        priceMinor: 19900,
        stock: 8,
        art: "watch",
      },
      {
        id: "us-soy-candle",
        title: "Cedar Soy Candle",
        description: "Forty hours of cedar and smoke from a cotton wick.",
        priceMinor: 2600,
        stock: 50,
        art: "candle",
      },
    ],
  },
  {
    id: "uk",
    code: "UK",
    name: "United Kingdom",
    currency: "GBP",
    hashtags: ["addtobasket"],
    cartWord: "basket",
    products: [
      {
        id: "uk-wireless-earbuds",
        title: "Wireless Earbuds",
        description:
          "Eight hours of playback, a pocket-sized charging case and a seal that stays put on a run.",
        priceMinor: 6999,
        stock: 30,
        art: "headphones",
      },
      {
        id: "uk-tea-mug",
        title: "Builder's Tea Mug",
        description: "A generous bone china mug for a proper brew.",
        priceMinor: 1400,
        stock: 90,
        art: "mug",
      },
      {
        id: "uk-organic-tee",
        title: "Organic Cotton Tee",
        description: "Heavyweight organic cotton, cut to keep its shape wash after wash.",
        priceMinor: 2400,
        // XL sold out: the demo shows a size that cannot be had while the others can.
        stock: [
          ["S", 12],
          ["M", 15],
          ["L", 18],
          ["XL", 0],
        ],
        art: "tshirt",
      },
      {
        id: "uk-pocket-notebook",
        title: "Pocket Notebook",
        description: "A lined A6 notebook that survives a coat pocket.",
        priceMinor: 900,
        stock: 150,
        art: "book",
      },
      {
        id: "uk-gift-card",
        title: "replycart Gift Card",
        description: "Sent by email, spendable on anything in the shop.",
        priceMinor: 2000,
        stock: 9999,
        art: "giftcard",
        digital: true,
      },
      {
        id: "uk-commuter-rucksack",
        title: "Commuter Rucksack",
        description: "A 22 L rucksack that shrugs off a drizzle on the way to work.",
        priceMinor: 7500,
        stock: 20,
        art: "backpack",
      },
      {
        id: "uk-windowsill-herb",
        title: "Windowsill Herb Kit",
        description: "Basil, thyme and mint, ready for a sunny sill.",
        priceMinor: 1800,
        stock: 40,
        art: "plant",
      },
      {
        id: "uk-desk-lamp",
        title: "Anglepoise-style Desk Lamp",
        description: "A sprung-arm lamp that goes exactly where you point it.",
        priceMinor: 5900,
        stock: 12,
        art: "lamp",
      },
      {
        id: "uk-steel-flask",
        title: "Steel Flask",
        description: "Keeps tea hot until the second half.",
        priceMinor: 2700,
        stock: 70,
        art: "bottle",
      },
      {
        id: "uk-fell-runner",
        title: "Fell Running Shoe",
        description: "Deep lugs for wet grass and rock.",
        priceMinor: 10500,
        stock: 0,
        art: "sneaker",
      },
      {
        id: "uk-field-watch",
        title: "Field Watch",
        description: "A 38 mm automatic with a canvas strap and a legible dial.",
        priceMinor: 17900,
        stock: 6,
        art: "watch",
      },
      {
        id: "uk-soy-candle",
        title: "Fig Leaf Soy Candle",
        description: "Forty hours of fig leaf and cedar from a cotton wick.",
        priceMinor: 2200,
        stock: 45,
        art: "candle",
      },
    ],
  },
];
