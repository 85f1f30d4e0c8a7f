import { BriefbotError } from "../../errors.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const UNIT_MS: Record<string, number> = { h: 60 * 60 * 1000, d: DAY_MS, w: 7 * DAY_MS };
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const startOfDayUtc = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

/**
 * The moment "since …" means: a span back from now ("7d", "24h", "2w"), a calendar date
 * ("2026-11-20", or with a time), "today", "yesterday", or the most recent weekday ("monday",
 * midnight UTC; today's name means a week ago). Anything else is refused with what is accepted.
 */
export function parseSince(raw: string, now: Date = new Date()): Date {
  const when = raw.trim().toLowerCase();
  const span = /^(\d{1,4})\s*(h|d|w)$/u.exec(when);
  if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2]!]!);
  if (when === "today") return startOfDayUtc(now);
  if (when === "yesterday") return new Date(startOfDayUtc(now).getTime() - DAY_MS);
  const weekday = WEEKDAYS.findIndex((d) => d === when || d.slice(0, 3) === when);
  if (weekday >= 0) {
    const back = (now.getUTCDay() - weekday + 7) % 7 || 7;
    return new Date(startOfDayUtc(now).getTime() - back * DAY_MS);
  }
  if (/^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/u.test(when)) {
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/u.test(when) ? `${when}T00:00:00Z` : when.toUpperCase().replace(" ", "T"));
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === when.slice(0, 10)) return date;
  }
  throw new BriefbotError(
    `“${raw.trim().slice(0, 60)}” is not a time I can read. Use a span back from now (7d, 24h, 2w), a date (2026-11-20), today, yesterday or a weekday (monday).`,
    "BAD_INPUT",
  );
}
