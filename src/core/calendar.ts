/**
 * The months' full names as a regular-expression alternation ("January|…|December"): the one list
 * the date reader, the casualty reader and the plain-text block reader build their patterns from.
 */
export const FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
