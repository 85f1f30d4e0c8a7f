const UNITS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, single: 1, two: 2, both: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000 };

// Longest words first, and never part of a longer word: "seventeen" is not "seven" followed by "teen".
const WORD = `(?:${[...Object.keys(TENS), ...Object.keys(UNITS).filter((w) => w !== "a" && w !== "an"), ...Object.keys(SCALES)].sort((a, b) => b.length - a.length).join("|")})(?![A-Za-z])`;

/** A figure in digits ("4,700", "31") or words ("six", "twenty-five", "two hundred", "a dozen"). */
export const NUMBER_PATTERN = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:a\\s+)?${WORD}(?:[\\s-]+(?:and\\s+)?${WORD})*)`;

/** Parses what NUMBER_PATTERN matched; null when it is not a number after all. */
export function parseNumber(text: string): number | null {
  const clean = text.trim().toLowerCase();
  if (/^[\d,]+$/.test(clean)) return Number(clean.replace(/,/g, ""));
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of clean.split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word in UNITS) current += UNITS[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word in SCALES) {
      current = (current || 1) * SCALES[word]!;
      if (SCALES[word]! >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/**
 * Whether the figure of `length` characters at `index` is set off by commas after a name ("Ilya
 * Sorin, 34, a warrant officer"): an age, not a count.
 */
export function isAppositiveAge(text: string, index: number, length: number): boolean {
  return /\p{Lu}[\p{L}’'-]*,\s*$/u.test(text.slice(Math.max(0, index - 40), index)) && /^\s*,/u.test(text.slice(index + length));
}
