/**
 * Who asserts a sentence: a named party ("Iran’s Foreign Minister ... claimed", "the Taliban
 * rejected", "Balkhi stated", "Reports indicate") or, when the text names no one, the brief's
 * own analysis. Lets a team tell a party's claim from the author's finding.
 */
export interface Attribution {
  /** Who the sentence attributes the statement to; null for the brief's own analysis. */
  speaker: string | null;
  /** The reporting verb as written ("claimed", "stated"), or null. */
  verb: string | null;
  /** Short label to print beside a quote. */
  label: string;
}

const REPORTING_VERBS =
  "claimed|claims|claim|stated|states|said|says|asserted|asserts|alleged|alleges|rejected|rejects|denied|denies|urged|urges|warned|warns|announced|announces|insisted|insists|argued|argues|noted|notes|told|tells|reported|reports|accused|accuses|confirmed|confirms|acknowledged|acknowledges|declared|declares|maintained|maintains|suggested|suggests|indicated|indicates|believes|believed|fears|feared";

// Leading adverbials that do not change who is speaking: "Recently,", "Last year,", "First,", "In addition,".
const LEADING_ADVERBIAL = /^(?:(?:[\p{L}-]+\s+){0,3}[\p{L}-]+,\s+)/u;
const NAME = String.raw`(?:(?:the|The)\s+)?[\p{Lu}][\p{L}’'\-]*(?:\s+(?:[\p{Lu}][\p{L}’'\-]*|of|for|al|bin|ur|ul))*`;
const ACCORDING = new RegExp(String.raw`^According\s+to\s+([^,]{2,80}),`, "u");
const REPORTS = /^(?:As\s+per\s+reports|(?:Media\s+)?Reports?\s+(?:indicate|indicated|suggest|suggested|say|said|show|showed|claim|claimed))\b/iu;
const SPEAKER = new RegExp(String.raw`^(${NAME})(?:,\s[^,]{1,100},)?\s+(?:has\s+|have\s+|had\s+)?(${REPORTING_VERBS})\b`, "u");
const RESPONSIBILITY = /\bclaimed\s+responsibility\b/u;
// A time phrase before the subject, with or without a comma: "On 14 March", "That evening", "By Tuesday evening".
const LEADING_TIME = String.raw`(?:(?:On|In|By|At|That|This|Last|Late|Early|Later|Earlier)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}?)`;
// A described speaker: "the regional council said", "A guard at the depot gate said".
const DESCRIBED_SPEAKER = new RegExp(
  String.raw`^${LEADING_TIME}?((?:the|The|a|A|an|An|its|Its|his|His|her|Her)\s+(?:[\p{L}\p{N}’'.-]+\s+){0,7}?[\p{L}’'-]+)\s+(?:has\s+|have\s+|had\s+|later\s+|also\s+)?(${REPORTING_VERBS})\b`,
  "u",
);

export const ANALYSIS_LABEL = "the brief's analysis";

export function attribute(sentence: string): Attribution {
  const text = sentence.trim();
  const candidates = [text, text.replace(LEADING_ADVERBIAL, "")];
  for (const candidate of candidates) {
    if (REPORTS.test(candidate)) return { speaker: "reports", verb: "indicate", label: "according to reports cited in the brief" };
    const according = candidate.match(ACCORDING);
    if (according) return { speaker: according[1]!, verb: "according to", label: `according to ${according[1]}` };
    const speaker = candidate.match(SPEAKER);
    if (speaker) {
      const who = speaker[1]!;
      const verb = speaker[2]!;
      // "IS-KP claimed responsibility" reports a claim of responsibility by that group.
      const what = verb.startsWith("claim") && RESPONSIBILITY.test(candidate) ? "claim of responsibility" : verb;
      return { speaker: who, verb, label: `${who} (${what})` };
    }
    const described = candidate.match(DESCRIBED_SPEAKER);
    if (described) {
      const who = described[1]!.replace(/^(?:The|A|An|Its|His|Her)\b/u, (w) => w.toLowerCase());
      return { speaker: who, verb: described[2]!, label: `${who} (${described[2]!})` };
    }
  }
  return { speaker: null, verb: null, label: ANALYSIS_LABEL };
}
