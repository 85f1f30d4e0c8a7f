/**
 * Words that mark a figure as a revision of an earlier one ("the toll rose to 17", "raised its
 * figure to 48", "corrected ... to about 310", "its final count was 95"). A revised figure
 * supersedes the earlier ones for the same incident (ACLED's practice: keep the latest report).
 */
export const REVISION = /\b(?:rose|risen|rises|rising|raised|raises|climbed|climbs|increased|jumped|reached|reaches|revised|revises|corrected|corrects|correction|updated|lowered|cut|final|finally|eventually|now\s+stands|confirmed|reconciled|brought\s+the\s+(?:toll|total))\b/iu;

/**
 * Words that mark a figure as early and provisional ("first counts", "initial reports"), and a report
 * told in the past perfect, which an update sets against the present one ("police had put the toll at 20").
 */
export const PROVISIONAL = /\b(?:first|initial|initially|early|earlier|preliminary|provisional|partial)\b|\bhad\s+(?:\w+\s+)?(?:put|given|reported|said|announced|estimated|stated|counted)\b/iu;

export function isRevision(text: string): boolean {
  return REVISION.test(text);
}

export function isProvisional(text: string): boolean {
  return PROVISIONAL.test(text) && !REVISION.test(text);
}
