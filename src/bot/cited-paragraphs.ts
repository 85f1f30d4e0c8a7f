import type { Briefbot } from "../core/briefbot.js";
import type { Paragraph } from "../core/ingest/chunker.js";
import { fingerprint } from "../core/ingest/fingerprint.js";
import { fileTag, type SourceRef } from "./render.js";

export interface CitedParagraph {
  paragraph: Paragraph;
  /** Set when the paragraph is not the one quoted: it moved, or its text changed since. */
  note?: string;
}

/**
 * The paragraphs a "Show sources" button names, as the brief has them now. A paragraph that
 * moved is found by its fingerprint; one whose text changed is shown as it is now, with a note.
 */
export function citedParagraphs(refs: SourceRef[], bot: Pick<Briefbot, "corpus" | "paragraph" | "paragraphs">): { found: CitedParagraph[]; missing: number } {
  const found: CitedParagraph[] = [];
  let missing = 0;
  for (const ref of refs) {
    const source = ref.fileTag !== undefined ? bot.corpus.documents.find((d) => fileTag(d.source) === ref.fileTag)?.source : bot.corpus.documents[ref.doc!]?.source;
    const atNumber = source === undefined ? undefined : bot.paragraph(ref.paragraph, source);
    if (source === undefined || ref.fingerprint === undefined || (atNumber && fingerprint(atNumber.text) === ref.fingerprint)) {
      if (atNumber) found.push({ paragraph: atNumber });
      else missing++;
      continue;
    }
    const moved = bot.paragraphs.find((p) => p.source === source && fingerprint(p.text) === ref.fingerprint);
    if (moved) found.push({ paragraph: moved, note: `${source} ¶${ref.paragraph} is now ¶${moved.paragraph} (paragraphs before it changed).` });
    else if (atNumber) found.push({ paragraph: atNumber, note: `${source} ¶${ref.paragraph} has changed since this answer was given; this is its current text, not the text quoted.` });
    else missing++;
  }
  return { found, missing };
}
