import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/bot/config.js";
import { addBrief, BriefExists, removeBrief, sanitizeBriefName } from "../src/core/ingest/brief-files.js";
import { tempDir } from "./helpers/bot.js";

const brief = (text: string) => Buffer.from(`# Note\n\n${text}\n`);

describe("brief files: names, atomic adds, recoverable removals", () => {
  it("sanitises upload names to a plain file name with a brief extension", () => {
    expect(sanitizeBriefName("../../etc/passwd.md")).toBe("passwd.md");
    expect(sanitizeBriefName("C:\\Users\\x\\Lagebericht Kabul (März).PDF")).toBe("Lagebericht-Kabul-(März).pdf");
    expect(sanitizeBriefName(".hidden.txt")).toBe("hidden.txt");
    expect(sanitizeBriefName("$(rm -rf ~);.html")).toBe("(rm-rf-).html");
    expect(sanitizeBriefName("\u0000\u202e.docx")).toBe("brief.docx");
    expect(sanitizeBriefName(`${"a".repeat(300)}.docx`)).toBe(`${"a".repeat(95)}.docx`);
    expect(() => sanitizeBriefName("payload.exe")).toThrow(".exe files are not accepted; briefs can be .md, .txt, .pdf, .docx, .html, .htm.");
    expect(() => sanitizeBriefName("README")).toThrow(/without an extension/);
  });

  it("two uploads of one name at once: one is added, the other is refused, and the file is whole", async () => {
    const dir = await tempDir();
    const results = await Promise.allSettled([addBrief(dir, "same.md", brief("first")), addBrief(dir, "same.md", brief("second"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(BriefExists);
    expect(["# Note\n\nfirst\n", "# Note\n\nsecond\n"]).toContain(await readFile(join(dir, "same.md"), "utf8"));
    expect(await readdir(dir)).toEqual(["same.md"]); // no temporary file left behind
  });

  it("replaces only when asked, refuses unreadable content and oversize files", async () => {
    const dir = await tempDir();
    await addBrief(dir, "a.md", brief("one"));
    await expect(addBrief(dir, "a.md", brief("two"))).rejects.toThrow("A brief named a.md already exists.");
    expect(await addBrief(dir, "a.md", brief("two"), { replace: true })).toEqual({ name: "a.md", replaced: true });
    expect(await readFile(join(dir, "a.md"), "utf8")).toContain("two");
    await expect(addBrief(dir, "latin1.txt", Buffer.from([0x43, 0x61, 0x66, 0xe9]))).rejects.toThrow("latin1.txt was not added: not valid UTF-8 text");
    await expect(addBrief(dir, "big.md", Buffer.alloc(2048, 0x61), { maxBytes: 1024 })).rejects.toThrow("big.md is 2.0 KiB; briefs can be at most 1.0 KiB.");
    expect(await readdir(dir)).toEqual(["a.md"]);
  });

  it("a removed brief is moved aside, not deleted", async () => {
    const dir = await tempDir();
    await addBrief(dir, "old.md", brief("old news"));
    const kept = await removeBrief(dir, "old.md");
    expect(kept).toMatch(/^\.removed\/.+-old\.md$/);
    expect(await readFile(join(dir, kept), "utf8")).toContain("old news");
    await expect(removeBrief(dir, "old.md")).rejects.toThrow("There is no brief named old.md.");
    await expect(removeBrief(dir, "../outside.md")).rejects.toThrow(/no brief named/);
  });

  it("the editor role and upload limit come from the environment, validated", () => {
    const base = { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "100000000000000001" };
    expect(loadConfig(base)).toMatchObject({ maxUploadBytes: 20 * 1024 * 1024 });
    expect(loadConfig(base).editorRole).toBeUndefined();
    expect(loadConfig({ ...base, BRIEFBOT_EDITOR_ROLE: "Brief editors", BRIEFBOT_MAX_UPLOAD_MB: "5" })).toMatchObject({ editorRole: "Brief editors", maxUploadBytes: 5 * 1024 * 1024 });
    expect(() => loadConfig({ ...base, BRIEFBOT_MAX_UPLOAD_MB: "50" })).toThrow(/BRIEFBOT_MAX_UPLOAD_MB must be at most 20/);
  });
});
