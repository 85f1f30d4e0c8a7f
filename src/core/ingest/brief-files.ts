import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { BriefbotError } from "../errors.js";
import { MAX_FILE_BYTES } from "./corpus.js";
import { UnreadableDocument } from "./formats/extracted-document.js";
import { BRIEF_EXTENSIONS, extensionOf, isBriefFile, readDocument } from "./formats/read-document.js";

/** The briefs folder as a team manages it: list, add (checked, atomic, never overwriting by surprise), remove (recoverably). */

export interface BriefFile {
  name: string;
  bytes: number;
  modified: Date;
}

/** Where removed briefs go: a dot-folder the corpus loader never reads, so a removal can be undone by moving the file back. */
export const REMOVED_FOLDER = ".removed";

const MAX_NAME_LENGTH = 100;

/** A brief that already exists under that name; the caller decides how to offer replacing it. */
export class BriefExists extends BriefbotError {
  constructor(readonly fileName: string) {
    super(`A brief named ${fileName} already exists.`, "BAD_INPUT");
  }
}

export async function listBriefFiles(dir: string): Promise<BriefFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith(".") && isBriefFile(e.name));
  const out = await Promise.all(
    files.map(async (e) => {
      try {
        const s = await stat(join(dir, e.name));
        return [{ name: e.name, bytes: s.size, modified: s.mtime }];
      } catch {
        return []; // removed while listing
      }
    }),
  );
  return out.flat().sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A safe file name from whatever a user's upload is called: no folders, no leading dots, no control
 * or shell-special characters, at most 100 characters, the extension lower-cased and one briefbot reads.
 */
export function sanitizeBriefName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const extension = extensionOf(base);
  if (!isBriefFile(base)) {
    throw new BriefbotError(`${extension ? `${extension} files are` : "A file without an extension is"} not accepted; briefs can be ${BRIEF_EXTENSIONS.join(", ")}.`, "BAD_INPUT");
  }
  const stem = base
    .slice(0, base.length - extension.length)
    .replace(/[^\p{L}\p{N}._()-]+/gu, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, MAX_NAME_LENGTH - extension.length);
  return `${stem || "brief"}${extension}`;
}

export interface AddBriefOptions {
  replace?: boolean;
  maxBytes?: number;
}

/**
 * Adds a brief to the folder. The bytes must be a readable brief of their type (the same reader the
 * corpus uses decides), within the size limit; an existing brief of that name is only replaced when
 * asked. The file appears whole or not at all (written beside it under a dot-name, then linked or renamed).
 */
export async function addBrief(dir: string, rawName: string, bytes: Uint8Array, options: AddBriefOptions = {}): Promise<{ name: string; replaced: boolean }> {
  const name = sanitizeBriefName(rawName);
  const maxBytes = Math.min(options.maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
  if (bytes.length > maxBytes) throw new BriefbotError(`${name} is ${formatBytes(bytes.length)}; briefs can be at most ${formatBytes(maxBytes)}.`, "BAD_INPUT");
  const target = join(resolve(dir), name);
  const exists = await stat(target).then(() => true, () => false);
  if (exists && !options.replace) throw new BriefExists(name);
  try {
    await readDocument(name, bytes);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw new BriefbotError(`${name} was not added: ${error.message}.`, "BAD_INPUT");
    throw error;
  }
  const temporary = join(resolve(dir), `.${name}.${randomBytes(6).toString("hex")}.upload`);
  await writeFile(temporary, bytes, { flag: "wx" });
  try {
    if (options.replace) {
      await rename(temporary, target);
    } else {
      // link() fails if the name was taken meanwhile, so a concurrent upload is never overwritten.
      await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === "EEXIST" ? new BriefExists(name) : error;
      });
    }
  } finally {
    await unlink(temporary).catch(() => {});
  }
  return { name, replaced: exists };
}

/** Moves a brief into the folder's .removed/ (time-stamped), from where it can be restored by hand. */
export async function removeBrief(dir: string, name: string): Promise<string> {
  const files = await listBriefFiles(dir);
  if (!files.some((f) => f.name === name)) throw new BriefbotError(`There is no brief named ${name}.`, "BAD_INPUT");
  const removedDir = join(resolve(dir), REMOVED_FOLDER);
  await mkdir(removedDir, { recursive: true });
  const kept = `${new Date().toISOString().replace(/[:.]/g, "-")}-${name}`;
  await rename(join(resolve(dir), name), join(removedDir, kept));
  return join(REMOVED_FOLDER, kept);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
