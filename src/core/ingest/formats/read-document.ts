import { type ExtractedText, UnreadableDocument } from "./extracted-document.js";
import { extractPlainText } from "./text.js";

type Reader = (bytes: Uint8Array) => ExtractedText | Promise<ExtractedText>;

// The PDF, Word and HTML readers (and their libraries) are imported when a file of their kind is read, not at every start.
const READERS: Record<string, () => Promise<Reader>> = {
  ".md": async () => extractPlainText,
  ".txt": async () => extractPlainText,
  ".pdf": async () => (await import("./pdf.js")).extractPdf,
  ".docx": async () => (await import("./docx.js")).extractDocx,
  ".html": async () => (await import("./html.js")).extractHtml,
  ".htm": async () => (await import("./html.js")).extractHtml,
};

/** File extensions briefbot reads, lower case with the dot. */
export const BRIEF_EXTENSIONS = Object.keys(READERS);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

export function isBriefFile(name: string): boolean {
  return extensionOf(name) in READERS;
}

/** Text (and pages) of a brief of any supported format; an unreadable file throws UnreadableDocument saying why. */
export async function readDocument(name: string, bytes: Uint8Array): Promise<ExtractedText> {
  const reader = READERS[extensionOf(name)];
  if (!reader) throw new UnreadableDocument(`briefbot reads ${BRIEF_EXTENSIONS.join(", ")} files, not ${extensionOf(name) || "files without an extension"}`);
  let extracted: ExtractedText;
  try {
    extracted = await (await reader())(bytes);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    // A reader library failing on hostile input is still the file's problem, not a crash.
    throw new UnreadableDocument(`could not be read (${(error as Error)?.message ?? String(error)})`);
  }
  if (extracted.text.trim() === "") throw new UnreadableDocument("the file is empty");
  return extracted;
}
