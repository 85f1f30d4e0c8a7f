import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Briefbot } from "../src/core/briefbot.js";
import { UnreadableDocument } from "../src/core/ingest/formats/extracted-document.js";
import { htmlToText, MAX_NESTING } from "../src/core/ingest/formats/html.js";
import { readDocument } from "../src/core/ingest/formats/read-document.js";
import { citationLabel } from "../src/core/answer/answer.js";
import { answerJson } from "../src/cli/format.js";
import { chunkDocuments } from "../src/core/ingest/chunker.js";
import { realEmbedder, tempDir } from "./helpers/bot.js";
import { makeDocx, makePdf, makeScannedPdf, makeZip } from "./helpers/documents.js";

const CONVOY =
  "On 3 March a convoy was attacked on the highway near Kandahar, and according to the provincial police at least 14 soldiers were killed in the ambush.";
const BORDER = "The ministry reported that 4,700 migrants were deported through the Islam Qala crossing in the second week of March.";
const DAM = "Engineers warned that the Kajaki dam spillway could fail before the spring floods if repairs are not funded.";
const CHECKPOINT = "A new customs checkpoint opened at Torkham, where guards now inspect every fuel tanker crossing from Pakistan.";

/** The PDF report: the convoy on page 1, the deportations on page 2, each wrapped over several lines. */
const pdfPages = [
  ["Weekly security report", CONVOY + " Officials said the attackers fled toward the border before reinforcements arrived.", "Road travel in the province remains restricted."],
  ["Migration", "Returns from Iran rose sharply during the reporting period and aid agencies asked for more shelter capacity.", BORDER],
];

let corpusDir: string;
let cacheDir: string;
let bot: Briefbot;
const logs: string[] = [];

beforeAll(async () => {
  const dir = await tempDir();
  corpusDir = join(dir, "corpus");
  cacheDir = join(dir, "cache");
  await mkdir(corpusDir);
  await writeFile(join(corpusDir, "security-report.pdf"), await makePdf(pdfPages));
  await writeFile(
    join(corpusDir, "infrastructure.docx"),
    await makeDocx([
      { heading: 1, text: "Infrastructure notes" },
      { text: DAM },
      { heading: 2, text: "Open questions" },
      { bullet: true, text: "Who pays for the spillway repairs?" },
      { bullet: true, text: "When do the floods usually start?" },
    ]),
  );
  await writeFile(
    join(corpusDir, "border-post.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>Border post</title><script>var tracking = "Torkham 999 tankers";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Border post update</h1><p>${CHECKPOINT.replace("Torkham,", "<b>Torkham</b>,")}</p>
<ul><li>Queues reached 3 km on Monday.</li><li>Trade resumed on Tuesday.</li></ul></article></main>
<footer>Copyright News Site. Subscribe for more.</footer></body></html>`,
  );
  await writeFile(join(corpusDir, "scanned-annex.pdf"), await makeScannedPdf(3));
  await writeFile(join(corpusDir, "damaged.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4000, 0x41)]));
  await writeFile(join(corpusDir, "damaged.docx"), Buffer.from("PK\u0003\u0004 this zip stops here"));
  // 150 MiB of XML squeezed into well under 1 MiB, with a header claiming 1,000 bytes.
  await writeFile(join(corpusDir, "bomb.docx"), makeZip("word/document.xml", Buffer.alloc(150 * 1024 * 1024, 0x20), 1000));
  bot = await Briefbot.open({ corpusDir, cacheDir, embedder: await realEmbedder(), log: (m) => logs.push(m) });
});

describe("briefs as PDF, DOCX and HTML", () => {
  it("reads the three formats and skips each unreadable file with a message naming it", () => {
    expect(bot.corpus.documents.map((d) => d.source)).toEqual(["border-post.html", "infrastructure.docx", "security-report.pdf"]);
    const skipped = Object.fromEntries(bot.corpus.skipped.map((s) => [s.source, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["bomb.docx", "damaged.docx", "damaged.pdf", "scanned-annex.pdf"]);
    expect(skipped["scanned-annex.pdf"]).toMatch(/no text layer on any of its 3 page\(s\).*OCR/);
    expect(skipped["damaged.pdf"]).toMatch(/not a readable PDF/);
    expect(skipped["damaged.docx"]).toMatch(/not a valid DOCX file/);
    expect(skipped["bomb.docx"]).toMatch(/zip bomb/);
    expect(logs).toContain(`Skipped scanned-annex.pdf: ${skipped["scanned-annex.pdf"]}.`);
  });

  it("PDF: paragraphs rejoined across wrapped lines, pages recorded, and a question answered with page and paragraph", async () => {
    const pdf = bot.corpus.documents.find((d) => d.source === "security-report.pdf")!;
    expect(pdf.text.split("\n\n")[0]).toBe("Weekly security report");
    expect(pdf.text).toContain(CONVOY); // wrapped over two lines in the PDF, one sentence here
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.text.slice(pdf.pages![1]!.start, pdf.pages![1]!.end).startsWith("Migration\n\n")).toBe(true);

    const convoy = await bot.ask("How many soldiers were killed near Kandahar?");
    expect(convoy.answered).toBe(true);
    expect(convoy.citations[0]).toMatchObject({ source: "security-report.pdf", quote: CONVOY, page: 1, paragraph: 2 });
    const border = await bot.ask("How many migrants were deported through Islam Qala?");
    const cited = border.citations[0]!;
    expect(cited).toMatchObject({ source: "security-report.pdf", quote: BORDER, page: 2, paragraph: 6 });
    expect(pdf.text.slice(cited.start, cited.end)).toBe(cited.quote);
    expect(citationLabel(cited)).toBe("[security-report.pdf p.2 ¶6]");
    expect(border.answer).toContain("[security-report.pdf p.2 ¶6]");
    // `ask --json` keeps its four contract fields first and adds the page.
    const json = JSON.parse(answerJson(border)).citations[0];
    expect(Object.keys(json)).toEqual(["source", "paragraph", "quote", "score", "page"]);
    expect(json).toMatchObject({ source: "security-report.pdf", paragraph: 6, page: 2 });
    // /source shows the paragraph a PDF reader finds on page 2.
    expect(bot.paragraph(6, "security-report.pdf")).toMatchObject({ text: BORDER, page: 2 });
  });

  it("DOCX: headings and lists kept as Markdown lines; a question answered verbatim", async () => {
    const docx = bot.corpus.documents.find((d) => d.source === "infrastructure.docx")!;
    expect(docx.text).toBe(
      `# Infrastructure notes\n\n${DAM}\n\n## Open questions\n\n- Who pays for the spillway repairs?\n- When do the floods usually start?`,
    );
    const answer = await bot.ask("What could happen to the Kajaki dam?");
    expect(answer.citations[0]).toMatchObject({ source: "infrastructure.docx", paragraph: 2, quote: DAM });
    expect(answer.citations[0]!.page).toBeUndefined();
  });

  it("HTML: only the article is read, not navigation, scripts or footer; a question answered verbatim", async () => {
    const html = bot.corpus.documents.find((d) => d.source === "border-post.html")!;
    expect(html.text).toBe(`# Border post update\n\n${CHECKPOINT}\n\n- Queues reached 3 km on Monday.\n- Trade resumed on Tuesday.`);
    const answer = await bot.ask("What do guards at the Torkham checkpoint inspect?");
    expect(answer.citations[0]).toMatchObject({ source: "border-post.html", paragraph: 2, quote: CHECKPOINT });
  });

  it("keeps the extracted text beside the index, and reuses it for the same bytes", async () => {
    const kept = await readFile(join(cacheDir, "extracted", "security-report.pdf.txt"), "utf8");
    expect(kept).toBe(bot.corpus.documents.find((d) => d.source === "security-report.pdf")!.text);
    // A changed cache entry is not trusted: the file is extracted again.
    await writeFile(join(cacheDir, "extracted", "security-report.pdf.txt"), "tampered");
    const again = await Briefbot.open({ corpusDir, cacheDir, embedder: await realEmbedder() });
    expect(again.corpus.documents.find((d) => d.source === "security-report.pdf")!.text).toBe(kept);
    expect(again.indexStatus.action).toBe("loaded");
  });

  it("drops the kept text of a brief once it leaves the folder", async () => {
    await rename(join(corpusDir, "border-post.html"), join(corpusDir, "..", "border-post.html"));
    await Briefbot.open({ corpusDir, cacheDir, embedder: await realEmbedder() });
    expect((await readdir(join(cacheDir, "extracted"))).sort()).toEqual([
      "infrastructure.docx.json",
      "infrastructure.docx.txt",
      "security-report.pdf.json",
      "security-report.pdf.txt",
    ]);
  });
});

describe("format readers on hostile input", () => {
  it("a huge HTML page is read in full; a page nested absurdly deep is refused, not parsed for minutes", async () => {
    const huge = "<p>Paragraph with <b>bold</b> words.</p>\n".repeat(400_000); // about 16 MB
    const text = htmlToText(huge);
    expect(text.split("\n\n")).toHaveLength(400_000);
    const nested = "<div>".repeat(MAX_NESTING - 1) + "<p>Still fine.</p>" + "</div>".repeat(MAX_NESTING - 1);
    expect(htmlToText(nested)).toBe("Still fine.");
    const hostile = Buffer.from("<div>".repeat(2_000_000) + "<p>Too deep.</p>");
    await expect(readDocument("hostile.html", hostile)).rejects.toThrow(/nests its elements more than 1000 deep/);
  });

  it("damaged copies of each format are read or refused, never crash or leave a stray rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n);
    const originals: [string, Buffer][] = [
      ["f.pdf", Buffer.from(await makePdf(pdfPages))],
      ["f.docx", await makeDocx([{ heading: 1, text: "Title" }, { text: DAM }, { table: [["a", "b"]] }])],
      ["f.html", Buffer.from("<main><h1>T</h1><p>Para <b>bold</b></p><ul><li>x</li></ul><table><tr><td>1</td></tr></table></main>")],
    ];
    const outcomes: string[] = [];
    try {
      for (const [name, original] of originals) {
        for (let i = 0; i < 40; i++) {
          const damaged = Buffer.from(original);
          for (let k = 0; k <= random(20); k++) damaged[random(damaged.length)] = random(256);
          const cut = i % 2 ? damaged : damaged.subarray(0, random(damaged.length));
          outcomes.push(await readDocument(name, cut).then(() => "read", (error) => (error instanceof UnreadableDocument ? "refused" : `threw ${error}`)));
        }
      }
      await new Promise((r) => setTimeout(r, 200)); // let any stray promise from a reader library settle
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(outcomes.filter((o) => o !== "read" && o !== "refused")).toEqual([]);
    expect(outcomes).toContain("refused");
    expect(unhandled).toEqual([]);
  });

  it("tables become GFM tables, one line a row, also when each cell holds paragraphs (as DOCX tables do)", async () => {
    const docx = await makeDocx([{ text: "Casualties by district." }, { table: [["District", "Killed"], ["Nad Ali", "12"]] }]);
    expect((await readDocument("table.docx", docx)).text).toBe("Casualties by district.\n\n| District | Killed |\n| --- | --- |\n| Nad Ali | 12 |");
    expect(htmlToText("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><p>two</p><p>lines</p></td></tr></table><p>After.</p>")).toBe(
      "| A | B |\n| --- | --- |\n| 1 | two lines |\n\nAfter.",
    );
    // An empty cell keeps its column; a pipe inside a cell is escaped.
    expect(htmlToText("<table><tr><td>A</td><td>B</td><td>C</td></tr><tr><td>1</td><td></td><td>x | y</td></tr></table>")).toBe(
      "| A | B | C |\n| --- | --- | --- |\n| 1 |  | x \\| y |",
    );
  });

  it("web tables of every shape stay GFM tables whose cells keep their columns", () => {
    const cases: [string, string][] = [
      // Two tables in a row stay two tables (the second's header is not a row of the first).
      [
        "<table><tr><th>Town</th><th>Killed</th></tr><tr><td>Velmora</td><td>12</td></tr></table><table><tr><th>Town</th><th>Injured</th></tr><tr><td>Kestrel</td><td>30</td></tr></table>",
        "| Town | Killed |\n| --- | --- |\n| Velmora | 12 |\n\n| Town | Injured |\n| --- | --- |\n| Kestrel | 30 |",
      ],
      // A first row of data (a layout table, a key-value table) is a row, under an empty header.
      ["<table><tr><td><h1>Title</h1><p>Twelve people were killed in Velmora.</p></td></tr></table>", "|  |\n| --- |\n| Title Twelve people were killed in Velmora. |"],
      ["<table><tr><th>Killed</th><td>12</td></tr><tr><th>Injured</th><td>30</td></tr></table>", "|  |  |\n| --- | --- |\n| Killed | 12 |\n| Injured | 30 |"],
      // <thead> makes the header even with <td> cells; end tags may be left out.
      ["<table><thead><tr><td>Town</td><td>Killed</td></tr></thead><tbody><tr><td>Velmora</td><td>12</td></tr></tbody></table>", "| Town | Killed |\n| --- | --- |\n| Velmora | 12 |"],
      ["<table><tr><th>Town<th>Killed<tr><td>Velmora<td>12</table>", "| Town | Killed |\n| --- | --- |\n| Velmora | 12 |"],
      // A table inside a cell joins the cell's text; a spanning cell leaves empty cells after it.
      ["<table><tr><th>A</th><th>B</th></tr><tr><td>x<table><tr><td>1</td><td>2</td></tr></table></td><td>y</td></tr></table>", "| A | B |\n| --- | --- |\n| x 1 2 | y |"],
      ["<table><tr><th>Town</th><th>Killed</th><th>Injured</th></tr><tr><td colspan=2>Velmora</td><td>30</td></tr></table>", "| Town | Killed | Injured |\n| --- | --- | --- |\n| Velmora |  | 30 |"],
    ];
    for (const [html, text] of cases) expect(htmlToText(html)).toBe(text);
  });

  it("page text that Markdown would take for structure is escaped, so no words are lost", async () => {
    const text = htmlToText("<p># 3 killed in Kestrel</p><p>&lt;div&gt; marks the spot where 4 people were killed.</p><p>Line one<br>---</p><ul><li># not a heading</li></ul>");
    expect(text).toBe("\\# 3 killed in Kestrel\n\n\\<div> marks the spot where 4 people were killed.\n\nLine one\n\\---\n\n- \\# not a heading");
    const { chunks } = chunkDocuments([{ source: "page.html", text }]);
    const quotable = chunks.filter((c) => c.kind === "sentence").map((c) => c.text);
    expect(quotable).toEqual(expect.arrayContaining([expect.stringContaining("3 killed in Kestrel"), expect.stringContaining("marks the spot where 4 people were killed.")]));
  });

  it("an HTML or Word table is read as a table: each row quoted alone and its figures read under their headers", async () => {
    const dir = await tempDir();
    const corpusDir = join(dir, "corpus");
    await mkdir(corpusDir);
    const page = `<html><body><article><h1>Velmora district monitor</h1><p>Attacks on markets in the district this spring.</p>
<table><thead><tr><th>Date</th><th>Location</th><th>Killed</th><th>Injured</th></tr></thead>
<tbody><tr><td>3 May 2024</td><td>Kestrel market, Velmora</td><td>14</td><td>31</td></tr>
<tr><td>9 May 2024</td><td>Harbour road, Velmora</td><td>6</td><td></td></tr></tbody></table></article></body></html>`;
    await writeFile(join(corpusDir, "monitor.html"), page);
    await writeFile(join(corpusDir, "monitor.docx"), await makeDocx([{ heading: 1, text: "Orsk district monitor" }, { table: [["Date", "Location", "Killed"], ["4 June 2024", "Orsk bus depot", "9"]] }]));
    const bot = await Briefbot.open({ corpusDir, cacheDir: join(dir, "cache"), embedder: await realEmbedder() });
    const rows = bot.chunks.filter((c) => c.kind === "row").map((c) => `${c.source}: ${c.text}`);
    expect(rows).toEqual(["monitor.docx: 4 June 2024 | Orsk bus depot | 9", "monitor.html: 3 May 2024 | Kestrel market, Velmora | 14 | 31", "monitor.html: 9 May 2024 | Harbour road, Velmora | 6"]);
    const { extractCasualtiesFrom } = await import("../src/core/extract/casualties.js");
    const incidents = extractCasualtiesFrom(bot).map((i) => [i.place, i.killed?.count ?? null, i.injured?.count ?? null]);
    expect(incidents).toEqual(expect.arrayContaining([[expect.stringContaining("Kestrel market"), 14, 31], [expect.stringContaining("Harbour road"), 6, null], [expect.stringContaining("Orsk bus depot"), 9, null]]));
  });

  it("HTML in a legacy encoding is decoded as it declares", async () => {
    const latin1 = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 near the border</p></body></html>', "latin1");
    expect((await readDocument("page.htm", latin1)).text).toBe("Café near the border");
  });

  it("an unknown extension, an empty file and non-UTF-8 text are refused with a reason", async () => {
    await expect(readDocument("slides.pptx", new Uint8Array(10))).rejects.toThrow(/reads \.md, \.txt, \.pdf, \.docx, \.html, \.htm files, not \.pptx/);
    await expect(readDocument("empty.html", Buffer.from("<html><body><script>x</script></body></html>"))).rejects.toBeInstanceOf(UnreadableDocument);
    await expect(readDocument("notes.txt", Buffer.from([0xff, 0xfe, 0x41]))).rejects.toThrow(/not valid UTF-8/);
  });
});
