import { createHash } from "node:crypto";

/** A short content hash (hex) that tells whether a paragraph or a file name is still the one cited. */
export function fingerprint(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}
