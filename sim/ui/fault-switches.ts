// What each fault switch in the UI does, in words, beside the `/_sim/faults` field it sets.

export type FaultSwitch = { field: string; label: string; description: string };

export const FAULT_CHECKBOXES: FaultSwitch[] = [
  {
    field: "duplicate",
    label: "Deliver every event twice",
    description: "X may send an event more than once; the app must count it once.",
  },
  {
    field: "reorder",
    label: "Deliver out of order",
    description: "Holds deliveries for a moment, then sends them newest first.",
  },
  {
    field: "selfServeReplyRule",
    label: "Self-serve reply rule",
    description:
      "API replies get 403 unless the post's author mentioned or quoted the replier, as on X's self-serve tiers.",
  },
  {
    field: "duplicateContentRule",
    label: "Refuse duplicate posts",
    description: "The same text twice from one account gets 403, as on X.",
  },
];

export const API_STATUS_SWITCH: FaultSwitch & { options: { value: string; label: string }[] } = {
  field: "apiStatus",
  label: "X API answers",
  description: "Forces every X API call to fail, as when rate limited or down.",
  options: [
    { value: "", label: "normally" },
    { value: "429", label: "429 Too Many Requests" },
    { value: "503", label: "503 Service Unavailable" },
  ],
};
