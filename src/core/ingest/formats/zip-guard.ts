import { inflateRawSync } from "node:zlib";
import { UnreadableDocument } from "./extracted-document.js";

/** Limits for what a DOCX may unpack to: real briefs are far below them, zip bombs far above. */
export const ZIP_LIMITS = { entries: 5_000, totalBytes: 100 * 1024 * 1024 };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/**
 * Checks a ZIP container before a library unpacks it: every entry is inflated here with a hard cap
 * on its output, so a zip bomb (small file, gigabytes unpacked, sizes in the header possibly lying)
 * is refused with a message instead of exhausting memory.
 */
export function checkZipContainer(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () => new UnreadableDocument("not a valid DOCX file (its ZIP container is damaged); save it again from Word and add it again");
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count > ZIP_LIMITS.entries) throw new UnreadableDocument(`the DOCX holds ${count} files, more than the ${ZIP_LIMITS.entries} a document needs; refused as a possible zip bomb`);

  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw notZip();
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;

    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw notZip();
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    const room = ZIP_LIMITS.totalBytes - total;
    if (method === 0) {
      total += data.length;
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") total = Infinity;
        else throw notZip();
      }
    } else {
      throw new UnreadableDocument(`the DOCX uses ZIP compression method ${method}, which Word never writes; save it again from Word`);
    }
    if (total > ZIP_LIMITS.totalBytes) {
      throw new UnreadableDocument(`the DOCX unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MiB; refused as a possible zip bomb`);
    }
  }
}
