import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../src/bot/context.js";
import { LIMITS } from "../src/bot/render.js";
import { REMOVED_FOLDER } from "../src/core/ingest/brief-files.js";
import { type FakeDiscord, IDS, MEMBER_PERMISSIONS, type RecordedCall, type Sender, type SlashOption, startBotOnFake, testContext } from "./helpers/fake-discord.js";
import { openShippedBrief } from "./helpers/bot.js";
import { makeDocx, makePdf, makeScannedPdf } from "./helpers/documents.js";

let fake: FakeDiscord;
let ctx: BotContext;
let corpusDir: string;
let stopBot: () => Promise<void>;
const errors: string[] = [];

const CONVOY = "On 3 March a convoy was attacked on the highway near Kandahar, and at least 14 soldiers were killed in the ambush.";
const DAM = "Engineers warned that the Kajaki dam spillway could fail before the spring floods if repairs are not funded.";
const MAX_UPLOAD = 1024 * 1024;

const editor: Sender = { roles: [IDS.editorRole], permissions: MEMBER_PERMISSIONS };
const plainMember: Sender = { roles: [], permissions: MEMBER_PERMISSIONS };

interface Reply {
  content?: string;
  embeds?: any[];
  files: { name: string; data: Buffer }[];
  ephemeral: boolean;
}

/** What the user saw: an immediate reply, or the edit that follows a deferral. */
async function replyTo(interaction: { id: string; token: string }): Promise<Reply> {
  const callback = await fake.waitFor((c) => c.method === "POST" && c.path.startsWith(`/interactions/${interaction.id}/`));
  const ephemeral = ((callback.body.data?.flags ?? 0) & 64) === 64;
  if (callback.body.type === 4) return { content: callback.body.data.content, embeds: callback.body.data.embeds, files: callback.files, ephemeral };
  const edit = await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(`/${interaction.token}/messages/@original`));
  return { content: edit.body.content, embeds: edit.body.embeds, files: edit.files, ephemeral };
}

const downloads = (): RecordedCall[] => fake.calls.filter((c) => c.method === "GET" && c.path.startsWith("/attachments/"));

/** `/briefs add file:<name> [replace]` with the file served by the fake Discord. */
function upload(name: string, data: Buffer | Uint8Array, options: { sender?: Sender; replace?: boolean; claimedSize?: number } = {}) {
  const attachment = fake.hostAttachment(name, data, { size: options.claimedSize });
  const sub: SlashOption[] = [{ name: "file", type: 11, value: attachment.id }];
  if (options.replace !== undefined) sub.push({ name: "replace", type: 5, value: options.replace });
  return fake.slashCommand("briefs", [{ name: "add", type: 1, options: sub }], IDS.channel, { sender: options.sender, attachments: [attachment] });
}

const removeCommand = (name: string, sender?: Sender) => fake.slashCommand("briefs", [{ name: "remove", type: 1, options: [{ name: "name", type: 3, value: name }] }], IDS.channel, { sender });
const listCommand = () => fake.slashCommand("briefs", [{ name: "list", type: 1, options: [] }]);

async function ask(question: string): Promise<string> {
  const interaction = fake.slashCommand("ask", [{ name: "question", type: 3, value: question }]);
  return (await replyTo(interaction)).embeds![0].description as string;
}

beforeAll(async () => {
  const briefbot = await openShippedBrief();
  corpusDir = briefbot.corpus.dir;
  ctx = testContext(briefbot, errors);
  ctx.editorRole = "Brief editors";
  ctx.maxUploadBytes = MAX_UPLOAD;
  ({ fake, stop: stopBot } = await startBotOnFake(ctx));
});

afterAll(async () => {
  await stopBot?.();
});

describe("/briefs: the team manages the corpus from Discord", () => {
  it("lists each brief with size, sentences, when indexed and status, privately", async () => {
    const reply = await replyTo(listCommand());
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds![0];
    const sentences = ctx.briefbot.chunks.length;
    expect(embed.title).toBe(`Briefs: 1 of 1 file indexed, ${sentences} sentences`);
    const size = (await stat(join(corpusDir, "iran-taliban-iskp.txt"))).size;
    expect(embed.description).toMatch(new RegExp(`^✅ \\*\\*iran-taliban-iskp\\.txt\\*\\* · ${(size / 1024).toFixed(1)} KiB · ${sentences} sentences · indexed <t:\\d+:R>$`));
  });

  it("a member with Manage Server adds a PDF; it is answerable at once, cited with its page", async () => {
    const pdf = await makePdf([["Weekly security report", "Road travel in the province remains restricted after dark."], ["Incidents", CONVOY]]);
    const reply = await replyTo(upload("convoy-report.pdf", pdf));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Added \*\*convoy-report\.pdf\*\*: .+ KiB, 4 sentences, 2 pages\. It is indexed; questions are answered from it now\.$/);
    expect(downloads()).toHaveLength(1);
    expect(await readFile(join(corpusDir, "convoy-report.pdf"))).toEqual(Buffer.from(pdf));
    const answer = await ask("How many soldiers were killed near Kandahar?");
    expect(answer).toContain("> On 3 March a convoy was attacked on the highway near Kandahar");
    expect(answer).toContain("[convoy-report.pdf p.2 ¶4]");
    const source = await replyTo(fake.slashCommand("source", [{ name: "paragraph", type: 4, value: 4 }, { name: "file", type: 3, value: "convoy-report.pdf" }]));
    expect(source.embeds![0]).toMatchObject({ title: "convoy-report.pdf p.2 ¶4", description: CONVOY });
  });

  it("a member with the editor role adds a DOCX; its unsafe name is sanitised", async () => {
    const docx = await makeDocx([{ heading: 1, text: "Infrastructure notes" }, { text: DAM }]);
    const reply = await replyTo(upload("../../Field Notes (draft)?.docx", docx, { sender: editor }));
    expect(reply.content).toMatch(/^Added \*\*Field-Notes-\(draft\)\.docx\*\* \(saved as Field-Notes-\(draft\)\.docx\): .+ KiB, 2 sentences\. It is indexed/);
    expect(await readdir(corpusDir)).toContain("Field-Notes-(draft).docx");
    expect(await ask("What could happen to the Kajaki dam?")).toContain("[Field-Notes-(draft).docx ¶2]");
  });

  it("anyone else is refused, and nothing is downloaded or written", async () => {
    const before = downloads().length;
    const refused = await replyTo(upload("leak.md", Buffer.from("# Leak\n\nNot for the corpus.\n"), { sender: plainMember }));
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe("Only members with the “Brief editors” role or the Manage Server permission can add or remove briefs. Ask one of them, or use /briefs list to see what is indexed.");
    const removal = await replyTo(removeCommand("convoy-report.pdf", plainMember));
    expect(removal.content).toMatch(/^Only members with the “Brief editors” role/);
    expect(downloads()).toHaveLength(before);
    expect(errors).toContain(`refused /briefs add to analyst (${IDS.user}): not an editor: undefined`);
    expect(await readdir(corpusDir)).not.toContain("leak.md");
    expect(await readdir(corpusDir)).toContain("convoy-report.pdf");
  });

  it("the editor role can be configured by id as well", async () => {
    ctx.editorRole = IDS.editorRole;
    try {
      const refused = await replyTo(removeCommand("nothing.md", plainMember));
      expect(refused.content).toMatch(new RegExp(`^Only members with the <@&${IDS.editorRole}> role or the Manage Server permission`));
      const allowed = await replyTo(removeCommand("nothing.md", editor));
      expect(allowed.content).toBe("There is no brief named nothing.md. `/briefs list` shows them all.");
    } finally {
      ctx.editorRole = "Brief editors";
    }
  });

  it("refuses a file type briefbot cannot read, before downloading it", async () => {
    const before = downloads().length;
    const reply = await replyTo(upload("slides.pptx", Buffer.from("PK\u0003\u0004")));
    expect(reply.content).toBe(".pptx files are not accepted; briefs can be .md, .txt, .pdf, .docx, .html, .htm.");
    expect(downloads()).toHaveLength(before);
  });

  it("refuses a file over the size limit: by Discord's size before downloading, and by the bytes actually sent", async () => {
    const before = downloads().length;
    const claimed = await replyTo(upload("big.txt", Buffer.from("x"), { claimedSize: 5 * MAX_UPLOAD }));
    expect(claimed.content).toBe("big.txt is 5.0 MiB; briefs can be at most 1.0 MiB.");
    expect(downloads()).toHaveLength(before);
    const lying = await replyTo(upload("lying.txt", Buffer.alloc(MAX_UPLOAD + 1, 0x61), { claimedSize: 10 }));
    expect(lying.content).toBe("The attachment is larger than 1.0 MiB, the limit for a brief.");
    expect(await readdir(corpusDir)).not.toContain("lying.txt");
  });

  it("never overwrites silently: refuses without replace:True, replaces with it", async () => {
    const before = downloads().length;
    const updated = await makePdf([["Weekly security report", "Road travel in the province is open again."], ["Incidents", CONVOY.replace("14", "16")]]);
    const refused = await replyTo(upload("convoy-report.pdf", updated));
    expect(refused.content).toBe("A brief named **convoy-report.pdf** already exists. To overwrite it, run `/briefs add` again with `replace:True`; or rename the file.");
    expect(downloads()).toHaveLength(before);
    const replaced = await replyTo(upload("convoy-report.pdf", updated, { replace: true }));
    expect(replaced.content).toMatch(/^Replaced \*\*convoy-report\.pdf\*\*/);
    expect(await ask("How many soldiers were killed near Kandahar?")).toContain("at least 16 soldiers were killed");
  });

  it("refuses a scanned PDF and a corrupt one with the reason, writing nothing", async () => {
    const scanned = await replyTo(upload("annex-scan.pdf", await makeScannedPdf(2)));
    expect(scanned.content).toBe(
      "annex-scan.pdf was not added: the PDF has no text layer on any of its 2 page(s) (a scanned document?); run OCR on it and add the searchable PDF.",
    );
    const corrupt = await replyTo(upload("report.pdf", Buffer.from("<html>not a pdf</html>")));
    expect(corrupt.content).toMatch(/^report\.pdf was not added: not a readable PDF/);
    const files = await readdir(corpusDir);
    expect(files).not.toContain("annex-scan.pdf");
    expect(files).not.toContain("report.pdf");
    expect(files.filter((f) => f.endsWith(".upload"))).toEqual([]);
  });

  it("suggests brief names while typing, then removes one; it is no longer quoted and is kept aside", async () => {
    const typing = fake.autocomplete("briefs", [{ name: "remove", type: 1, options: [{ name: "name", type: 3, value: "CONV", focused: true }] }]);
    const suggestions = await fake.waitFor((c) => c.path.startsWith(`/interactions/${typing.id}/`));
    expect(suggestions.body).toEqual({ type: 8, data: { choices: [{ name: "convoy-report.pdf", value: "convoy-report.pdf" }] } });

    const reply = await replyTo(removeCommand("convoy-report.pdf", editor));
    expect(reply.content).toMatch(/^Removed \*\*convoy-report\.pdf\*\* \(a copy is kept in the corpus folder as \.removed\/.+-convoy-report\.pdf\)\. It is no longer quoted\.$/);
    expect(await readdir(corpusDir)).not.toContain("convoy-report.pdf");
    expect((await readdir(join(corpusDir, REMOVED_FOLDER))).some((f) => f.endsWith("-convoy-report.pdf"))).toBe(true);
    expect(await ask("How many soldiers were killed near Kandahar?")).not.toContain("convoy-report.pdf");
    const missing = await replyTo(removeCommand("convoy-report.pdf", editor));
    expect(missing.content).toBe("There is no brief named convoy-report.pdf. `/briefs list` shows them all.");
  });

  it("a folder of hundreds of briefs is listed within Discord's limits, the full list attached", async () => {
    for (let i = 1; i <= 300; i++) await writeFile(join(corpusDir, `field-note-${String(i).padStart(3, "0")}.md`), `# Note ${i}\n\nNothing to report.\n`);
    const reply = await replyTo(listCommand());
    const embed = reply.embeds![0];
    expect(embed.title).toBe("Briefs: 2 of 302 files indexed, " + ctx.briefbot.chunks.length + " sentences");
    expect(embed.description.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.title.length + embed.description.length + embed.footer.text.length).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.description).toMatch(/⏳ \*\*field-note-001\.md\*\* · 29 B · not indexed yet/);
    expect(embed.description).toMatch(/\n…and \d+ more: the full list is attached \(briefs\.md\)\.$/);
    const table = reply.files.find((f) => f.name === "briefs.md")!.data.toString();
    expect(table.match(/^- /gm)).toHaveLength(302);
    expect(table).toContain("- ⏳ field-note-300.md · 31 B · not indexed yet");
    // Only the audit trail was logged (who added, replaced, removed or was refused), no handler failure.
    expect(errors.filter((e) => /failed/.test(e))).toEqual([]);
    expect(errors.filter((e) => /^analyst \(\d+\) (added|replaced|removed) brief /.test(e))).toHaveLength(4);
  });
});
