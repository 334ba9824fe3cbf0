/**
 * Where a US shop ships: the states and DC, the territories with USPS delivery, and the
 * military APO/FPO codes. Plain data (no zod), so the checkout form's select can use it too.
 */
export const US_STATE_GROUPS = [
  {
    label: "States",
    states: {
      AL: "Alabama",
      AK: "Alaska",
      AZ: "Arizona",
      AR: "Arkansas",
      CA: "California",
      CO: "Colorado",
      CT: "Connecticut",
      DE: "Delaware",
      DC: "District of Columbia",
      FL: "Florida",
      GA: "Georgia",
      HI: "Hawaii",
      ID: "Idaho",
      IL: "Illinois",
      IN: "Indiana",
      IA: "Iowa",
      KS: "Kansas",
      KY: "Kentucky",
      LA: "Louisiana",
      ME: "Maine",
      MD: "Maryland",
      MA: "Massachusetts",
      MI: "Michigan",
      MN: "Minnesota",
      MS: "Mississippi",
      MO: "Missouri",
      MT: "Montana",
      NE: "Nebraska",
      NV: "Nevada",
      NH: "New Hampshire",
      NJ: "New Jersey",
      NM: "New Mexico",
      NY: "New York",
      NC: "North Carolina",
      ND: "North Dakota",
      OH: "Ohio",
      OK: "Oklahoma",
      OR: "Oregon",
      PA: "Pennsylvania",
      RI: "Rhode Island",
      SC: "South Carolina",
      SD: "South Dakota",
      TN: "Tennessee",
      TX: "Texas",
      UT: "Utah",
      VT: "Vermont",
      VA: "Virginia",
      WA: "Washington",
      WV: "West Virginia",
      WI: "Wisconsin",
      WY: "Wyoming",
    },
  },
  {
    label: "Territories",
    states: {
      AS: "American Samoa",
      GU: "Guam",
      MP: "Northern Mariana Islands",
      PR: "Puerto Rico",
      VI: "U.S. Virgin Islands",
    },
  },
  {
    label: "Military (APO/FPO)",
    states: { AA: "Armed Forces Americas", AE: "Armed Forces Europe", AP: "Armed Forces Pacific" },
  },
] as const;

// Other spellings people type (and browsers autofill) for the same places.
const ALIASES: Record<string, string> = {
  "washington dc": "DC",
  "virgin islands": "VI",
  "us virgin islands": "VI",
  "united states virgin islands": "VI",
  "commonwealth of the northern mariana islands": "MP",
};

const NAMES: Record<string, string> = Object.fromEntries(
  US_STATE_GROUPS.flatMap((group) => Object.entries(group.states)),
);

// "d.c.", "Washington, DC" and "District  of columbia" look alike here.
const key = (value: string) => value.toLowerCase().replace(/[.,]/g, "").replace(/\s+/g, " ").trim();

const BY_KEY = new Map<string, string>([
  ...Object.keys(NAMES).map((code) => [key(code), code] as const),
  ...Object.entries(NAMES).map(([code, name]) => [key(name), code] as const),
  ...Object.entries(ALIASES),
]);

/** The two-letter code of a US state, DC, territory or military code, by code or name, any case. */
export const usStateCode = (value: string): string | null => BY_KEY.get(key(value)) ?? null;

export const isUsStateCode = (value: string) => Object.hasOwn(NAMES, value);
