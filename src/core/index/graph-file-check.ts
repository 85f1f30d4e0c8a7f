import { type FileHandle, open } from "node:fs/promises";

/** hnswlib's header: the 96 bytes before the level-0 blocks (the fields a reader of the file needs). */
export const GRAPH_HEADER_BYTES = 96;

export interface GraphHeader {
  offsetLevel0: number;
  count: number;
  elementBytes: number;
  labelOffset: number;
  dataOffset: number;
  maxLevel: number;
  entryPoint: number;
  maxM: number;
  maxM0: number;
}

export function parseGraphHeader(header: Buffer): GraphHeader {
  const size = (at: number) => Number(header.readBigUInt64LE(at));
  return {
    offsetLevel0: size(0),
    count: size(16),
    elementBytes: size(24),
    labelOffset: size(32),
    dataOffset: size(40),
    maxLevel: header.readInt32LE(48),
    entryPoint: header.readUInt32LE(52),
    maxM: size(56),
    maxM0: size(64),
  };
}

/**
 * A structural check of a saved hnswlib graph before hnswlib reads it. hnswlib trusts the file: a
 * link to a node that does not exist crashes the process (a segmentation fault, which no handler
 * catches), and zeroed blocks (what a crash or a power cut leaves) give every node label 0, so
 * searches fail with "Label not found". The cache's size check passes both, and hashing the whole
 * file at every start is too slow; this reads the file once and checks what hnswlib would follow:
 * the header's counts, every link list's length and targets, and that labels are slots used once.
 *
 * hnswlib 0.8's saveIndex layout (little-endian, 64-bit size_t): a 96-byte header, the level-0
 * block of every element (a link count in the low 16 bits of a uint32, maxM0 link ids, the vector,
 * the label), then for every element a uint32 byte length and its upper-level link lists (each a
 * count and maxM link ids). Returns why the file cannot be used, or null when it looks sound. Read
 * in 4 MiB steps on the thread pool, so start-up's other reads go on meanwhile.
 */
export async function checkGraphFile(file: string, slots: number, dimension?: number): Promise<string | null> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(file, "r");
    const fh = handle;
    const read = async (buffer: Buffer, length: number, position: number) => (await fh.read(buffer, 0, length, position)).bytesRead;
    const fileBytes = (await fh.stat()).size;
    const header = Buffer.alloc(GRAPH_HEADER_BYTES);
    if ((await read(header, GRAPH_HEADER_BYTES, 0)) !== GRAPH_HEADER_BYTES) return "the graph file is shorter than its header";
    const { offsetLevel0, count, elementBytes, labelOffset, dataOffset, maxLevel, entryPoint, maxM, maxM0 } = parseGraphHeader(header);
    const level0Links = 4 + maxM0 * 4;
    const upperLinks = 4 + maxM * 4;
    if (offsetLevel0 !== 0 || count !== slots || dataOffset !== level0Links || labelOffset + 8 > elementBytes || maxM0 < 1 || maxM < 1 || maxM0 > 4096 || maxM > 4096) {
      return "the graph file's header does not describe this index";
    }
    // hnswlib puts the label right after the vector.
    if (dimension !== undefined && labelOffset - dataOffset !== dimension * 4) return `the graph file holds vectors of another dimension than ${dimension}`;
    if (count > 0 && (maxLevel < 0 || maxLevel > 64 || entryPoint >= count)) return "the graph file's entry point is out of range";
    const level0End = GRAPH_HEADER_BYTES + count * elementBytes;
    if (level0End + count * 4 > fileBytes) return "the graph file is shorter than its header says";

    const seen = new Uint8Array(count);
    const perRead = Math.max(1, Math.floor((4 << 20) / elementBytes));
    const buffer = Buffer.alloc(Math.min(count, perRead) * elementBytes || 4);
    // Read as 32-bit words (blocks and fields are 4-byte aligned in hnswlib's layout; checked above).
    const words = elementBytes % 4 === 0 && labelOffset % 4 === 0 ? new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.length >> 2) : null;
    if (!words) return "the graph file's layout is not 4-byte aligned";
    const [stride, labelWord] = [elementBytes >> 2, labelOffset >> 2];
    for (let first = 0; first < count; first += perRead) {
      const n = Math.min(perRead, count - first);
      if ((await read(buffer, n * elementBytes, GRAPH_HEADER_BYTES + first * elementBytes)) !== n * elementBytes) return "the graph file ends early";
      for (let i = 0; i < n; i++) {
        const at = i * stride;
        // The link count is the low 16 bits of the block's first word (hnswlib keeps its deleted mark above them).
        const links = words[at]! & 0xffff;
        if (links > maxM0) return `node ${first + i} has ${links} links (at most ${maxM0})`;
        for (let j = 1; j <= links; j++) if (words[at + j]! >= count) return `node ${first + i} links to a node that does not exist`;
        const label = words[at + labelWord]!;
        if (words[at + labelWord + 1] !== 0 || label >= count || seen[label]) return `node ${first + i} has a damaged label`;
        seen[label] = 1;
      }
    }

    const rest = Buffer.alloc(fileBytes - level0End);
    if (rest.length && (await read(rest, rest.length, level0End)) !== rest.length) return "the graph file ends early";
    let at = 0;
    for (let node = 0; node < count; node++) {
      if (at + 4 > rest.length) return "the graph file's upper levels end early";
      const bytes = rest.readUInt32LE(at);
      at += 4;
      if (bytes % upperLinks !== 0 || bytes / upperLinks > maxLevel || at + bytes > rest.length) return `node ${node}'s upper levels are damaged`;
      for (let level = 0; level < bytes / upperLinks; level++) {
        const list = at + level * upperLinks;
        const links = rest.readUInt16LE(list);
        if (links > maxM) return `node ${node} has ${links} upper links (at most ${maxM})`;
        for (let j = 0; j < links; j++) if (rest.readUInt32LE(list + 4 + 4 * j) >= count) return `node ${node} links to a node that does not exist`;
      }
      at += bytes;
    }
    return null;
  } catch (error) {
    return `the graph file could not be read (${(error as Error).message})`;
  } finally {
    await handle?.close();
  }
}
