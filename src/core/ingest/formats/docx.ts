import mammoth from "mammoth";
import { type ExtractedText, UnreadableDocument } from "./extracted-document.js";
import { htmlToText } from "./html.js";
import { checkZipContainer } from "./zip-guard.js";

/** Images carry no quotable text; dropping them keeps mammoth from inlining them as base64. */
const noImages = mammoth.images.imgElement(async () => ({ src: "" }));

/** Word documents via mammoth's semantic HTML (headings, lists, tables), then the HTML reader. */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedText> {
  checkZipContainer(bytes);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: noImages }));
  } catch (error) {
    throw new UnreadableDocument(`not a readable DOCX file (${(error as Error).message.split("\n")[0]}); save it again from Word as .docx and add it again`);
  }
  const text = htmlToText(html);
  if (!text.trim()) throw new UnreadableDocument("the document has no text (only images?)");
  return { text };
}
