import { type ExtractedText, UnreadableDocument } from "./extracted-document.js";

/** Markdown and plain text are their own text: decoded as strict UTF-8, a byte-order mark dropped. */
export function extractPlainText(bytes: Uint8Array): ExtractedText {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "") };
  } catch {
    throw new UnreadableDocument("not valid UTF-8 text; save it as UTF-8 and add it again");
  }
}
