import { BriefbotError } from "../../errors.js";

/**
 * The corpus file a user means by `name`: the exact file name, else the one file whose name
 * matches ignoring case and extension, else the one file whose name contains it. An unknown or
 * ambiguous name is refused with the names that come closest.
 */
export function findDocument(sources: string[], name: string): string {
  const wanted = name.trim().toLowerCase();
  if (!wanted) throw new BriefbotError("Name a brief: a file name from /briefs list.", "BAD_INPUT");
  if (sources.includes(name.trim())) return name.trim();
  const stem = (s: string) => s.toLowerCase().replace(/\.[a-z0-9]+$/u, "");
  const exact = sources.filter((s) => s.toLowerCase() === wanted || stem(s) === stem(wanted));
  if (exact.length === 1) return exact[0]!;
  const partial = sources.filter((s) => s.toLowerCase().includes(wanted));
  if (partial.length === 1) return partial[0]!;
  const shown = (list: string[]) => list.slice(0, 10).join(", ") + (list.length > 10 ? `, and ${list.length - 10} more` : "");
  if (partial.length > 1) throw new BriefbotError(`“${name.trim().slice(0, 100)}” matches several briefs: ${shown(partial)}. Give the full file name.`, "BAD_INPUT");
  throw new BriefbotError(`There is no brief named “${name.trim().slice(0, 100)}”. The briefs are: ${shown(sources)}.`, "BAD_INPUT");
}
