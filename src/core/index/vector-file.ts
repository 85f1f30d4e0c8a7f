import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";

/**
 * Full vectors on disk, slot after slot (`dimension` little-endian floats each), read one `pread`
 * per vector: scoring a thousand candidates at 50,000 sentences costs a few ms and keeps no copy
 * of the vectors in memory (the OS page cache holds the hot ones). The HNSW graph beside it may
 * hold only projected vectors (projection.ts); every exact similarity comes from here.
 */
export class VectorFile {
  private readonly block: Buffer;
  private readonly floats: Float32Array;

  private constructor(
    private fd: number | null,
    private readonly path: string,
    readonly count: number,
    readonly dimension: number,
  ) {
    // A buffer of its own (not from Node's shared pool), so the floats view is aligned.
    this.block = Buffer.from(new ArrayBuffer(dimension * 4));
    this.floats = new Float32Array(this.block.buffer, 0, dimension);
  }

  /** Opens `file` if it holds exactly `count` vectors of `dimension` floats; null otherwise. */
  static open(file: string, dimension: number, count: number): VectorFile | null {
    let fd: number | null = null;
    try {
      fd = openSync(file, "r");
      if (fstatSync(fd).size !== count * dimension * 4) throw new Error("unexpected size");
      return new VectorFile(fd, file, count, dimension);
    } catch {
      if (fd !== null) closeSync(fd);
      return null;
    }
  }

  /**
   * Writes `count` vectors, `vector(slot)` for each slot in order, in blocks of a few MB (a save
   * never holds a second copy of every vector). Throws if any vector has the wrong length.
   */
  static write(file: string, dimension: number, count: number, vector: (slot: number) => Float32Array): void {
    const perBlock = Math.max(1, Math.floor((4 << 20) / (dimension * 4)));
    const block = Buffer.alloc(perBlock * dimension * 4);
    const fd = openSync(file, "w");
    try {
      for (let first = 0; first < count; first += perBlock) {
        const n = Math.min(perBlock, count - first);
        for (let i = 0; i < n; i++) {
          const v = vector(first + i);
          if (v.length !== dimension) throw new Error(`vector ${first + i} has ${v.length} dimensions, not ${dimension}`);
          block.set(new Uint8Array(v.buffer, v.byteOffset, dimension * 4), i * dimension * 4);
        }
        const bytes = n * dimension * 4;
        for (let done = 0; done < bytes; ) done += writeSync(fd, block, done, bytes - done);
      }
      // On disk before a manifest names it: a power cut must not leave a named file of zeros.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The vector stored for `slot`, or null when the file does not hold it. */
  read(slot: number): Float32Array | null {
    return this.load(slot) ? Float32Array.from(this.floats) : null;
  }

  /** The dot product of `slot`'s vector with `query`, computed in the read buffer (allocates nothing); null when the file does not hold it. */
  dot(slot: number, query: Float32Array): number | null {
    if (query.length !== this.dimension || !this.load(slot)) return null;
    const v = this.floats;
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += v[i]! * query[i]!;
    return sum;
  }

  /**
   * Why the file looks damaged, or null: a few hundred vectors, evenly spaced and the last, must be
   * finite and of unit length (or all zero: an input the model embedded as nothing). A file of the
   * right size but zeros or garbage, as a crash can leave one, fails here rather than scoring every
   * sentence 0 or NaN.
   */
  damage(samples = 256): string | null {
    if (this.count === 0) return null;
    const step = Math.max(1, Math.floor(this.count / samples));
    let nonZero = 0;
    for (let slot = 0; slot < this.count; slot += step) {
      const problem = this.checkVector(slot);
      if (problem === "zero") continue;
      if (problem) return problem;
      nonZero++;
    }
    const last = this.checkVector(this.count - 1);
    if (last && last !== "zero") return last;
    return nonZero > 0 || last === null ? null : "every vector sampled is zero";
  }

  private checkVector(slot: number): string | null {
    if (!this.load(slot)) return `vector ${slot} could not be read`;
    let norm = 0;
    // An index loop: this runs once at load, unoptimised, where for-of allocates a result per element (~5 MB at 50k).
    for (let i = 0; i < this.floats.length; i++) norm += this.floats[i]! * this.floats[i]!;
    if (!Number.isFinite(norm)) return `vector ${slot} holds values that are not numbers`;
    if (norm === 0) return "zero";
    return Math.abs(Math.sqrt(norm) - 1) > 1e-3 ? `vector ${slot} is not of unit length` : null;
  }

  /** Reads `slot` into the buffer. A failed read is retried once on a freshly opened file before the reader gives up. */
  private load(slot: number): boolean {
    if (this.fd === null || slot < 0 || slot >= this.count) return false;
    const bytes = this.dimension * 4;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return readSync(this.fd!, this.block, 0, bytes, slot * bytes) === bytes;
      } catch {
        this.close();
        if (attempt === 0) {
          try {
            this.fd = openSync(this.path, "r");
          } catch {
            return false;
          }
        }
      }
    }
    return false;
  }

  get isOpen(): boolean {
    return this.fd !== null;
  }

  close(): void {
    if (this.fd !== null) closeQuietly(this.fd);
    this.fd = null;
  }
}

/** Closes a file descriptor; one already closed has nothing to release. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
}
