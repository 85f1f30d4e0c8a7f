import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { GRAPH_HEADER_BYTES, parseGraphHeader } from "./graph-file-check.js";
import { closeQuietly } from "./vector-file.js";

/**
 * Reads the full vectors out of a cache of the format before vector files, whose hnswlib graph
 * held them, so it can be migrated without re-embedding (vector-cache.ts). One `pread` per vector.
 *
 * The file's layout is hnswlib's (graph-file-check.ts reads its header): each element's level-0
 * block holds its links, its vector at `dataOffset` and its label at `labelOffset`. A vector is
 * returned only when the block's label is the slot asked for.
 */
export class GraphFileVectors {
  private readonly block: Buffer;

  private constructor(
    private fd: number | null,
    private readonly count: number,
    private readonly elementBytes: number,
    private readonly labelOffset: number,
    private readonly dataOffset: number,
    private readonly dimension: number,
  ) {
    this.block = Buffer.alloc(elementBytes);
  }

  /** Opens `file` if it is an hnswlib graph of `count` vectors of `dimension` floats; null otherwise. */
  static open(file: string, dimension: number, count: number): GraphFileVectors | null {
    let fd: number | null = null;
    try {
      fd = openSync(file, "r");
      const header = Buffer.alloc(GRAPH_HEADER_BYTES);
      if (readSync(fd, header, 0, header.length, 0) !== header.length) throw new Error("short header");
      const { offsetLevel0, count: current, elementBytes, labelOffset, dataOffset } = parseGraphHeader(header);
      const fileBytes = fstatSync(fd).size;
      const sane =
        offsetLevel0 === 0 &&
        current === count &&
        // hnswlib puts the label right after the vector: a file of another dimension fails here.
        labelOffset === dataOffset + dimension * 4 &&
        labelOffset + 8 <= elementBytes &&
        GRAPH_HEADER_BYTES + count * elementBytes <= fileBytes;
      if (!sane) throw new Error("unexpected layout");
      return new GraphFileVectors(fd, count, elementBytes, labelOffset, dataOffset, dimension);
    } catch {
      if (fd !== null) closeSync(fd);
      return null;
    }
  }

  /** The vector stored for `slot`, or null when the file does not hold it. */
  read(slot: number): Float32Array | null {
    if (!this.load(slot)) return null;
    const out = new Float32Array(this.dimension);
    new Uint8Array(out.buffer).set(this.block.subarray(this.dataOffset, this.dataOffset + this.dimension * 4));
    return out;
  }

  /** Reads `slot`'s block into the buffer; false when the file does not hold it. */
  private load(slot: number): boolean {
    if (this.fd === null || slot < 0 || slot >= this.count) return false;
    try {
      const at = GRAPH_HEADER_BYTES + slot * this.elementBytes;
      if (readSync(this.fd, this.block, 0, this.elementBytes, at) !== this.elementBytes) return false;
      return Number(this.block.readBigUInt64LE(this.labelOffset)) === slot;
    } catch {
      this.close();
      return false;
    }
  }

  close(): void {
    if (this.fd !== null) closeQuietly(this.fd);
    this.fd = null;
  }
}
