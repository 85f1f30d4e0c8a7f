import type { Corpus } from "./corpus.js";

/** Which files differ between two readings of a corpus folder, by name. */
export interface CorpusChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export function diffCorpora(before: Corpus, after: Corpus): CorpusChanges {
  const old = new Map(before.documents.map((d) => [d.source, d.text]));
  const now = new Map(after.documents.map((d) => [d.source, d.text]));
  return {
    added: [...now.keys()].filter((s) => !old.has(s)),
    changed: [...now.keys()].filter((s) => old.has(s) && old.get(s) !== now.get(s)),
    removed: [...old.keys()].filter((s) => !now.has(s)),
  };
}

export function hasChanges(changes: CorpusChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length > 0;
}

/** "added a.md; changed b.txt; removed c.md", or "no changes". */
export function describeChanges(changes: CorpusChanges): string {
  const parts = (["added", "changed", "removed"] as const).filter((k) => changes[k].length).map((k) => `${k} ${changes[k].join(", ")}`);
  return parts.length ? parts.join("; ") : "no changes";
}
