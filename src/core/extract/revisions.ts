import { NUMBER_PATTERN } from "./numbers.js";

/**
 * Words that mark a figure as a revision of an earlier one ("the toll rose to 17", "raised its
 * figure to 48", "corrected ... to about 310", "its final count was 95"). A revised figure
 * supersedes the earlier ones for the same incident (ACLED's practice: keep the latest report).
 */
export const REVISION = /\b(?:rose|risen|rises|rising|raised|raises|climbed|climbs|increased|jumped|reached|reaches|revised|revises|corrected|corrects|correction|updated|lowered|cut|final|finally|eventually|now\s+stands|confirmed|reconciled|brought\s+the\s+(?:toll|total))\b/iu;

/**
 * Words that mark a figure as early and provisional ("first counts", "initial reports"), and a
 * figure reported in the past perfect, which an update sets against the present one ("the
 * ministry had put the toll at 9", "officials had said 14 were dead"); not "had put up" or "had given birth".
 */
export const PROVISIONAL = new RegExp(
  // "first" only of what was reported ("first reports", "first said", "at first"), not of order ("within
  // the first two minutes", "the first bomb killed 12"); "early" and "earlier" wherever they stand
  // ("Earlier, officials had spoken of nine dead").
  String.raw`\b(?:initial|initially|early|earlier|preliminary|provisional|partial)\b` +
    String.raw`|\bat\s+first\b|\bfirst\s+(?:\w+\s+)?(?:reports?|reported|reporting|figures?|estimates?|estimated|counts?|counted|tolls?|tall(?:y|ies)|accounts?|information|indications?|assessments?|casualty|death|statements?|numbers?|said|says|put|gave|spoke|announced|stated)\b` +
    String.raw`|\bhad\s+(?:\w+\s+)?(?:put|given|set|estimated|reported|said|announced|stated|counted|confirmed)\s+(?:(?:the|its|their|a)\s+)?(?:(?:death|casualty|overall|official)\s+)?(?:toll|figure|number|count|total|tally)\b` +
    String.raw`|\bhad\s+(?:\w+\s+)?(?:reported|said|announced|stated|counted|confirmed)\s+(?:that\s+)?(?:at\s+least\s+|about\s+|some\s+)?(?:${NUMBER_PATTERN})\s+(?:people|were|had|dead|killed|died|injured|wounded|hurt|bodies|deaths)\b`,
  "iu",
);

export function isRevision(text: string): boolean {
  return REVISION.test(text);
}

export function isProvisional(text: string): boolean {
  return PROVISIONAL.test(text) && !REVISION.test(text);
}
