import { crc32, deflateRawSync } from "node:zlib";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Wraps a paragraph at about `width` characters, as a word processor would lay it out. */
function wrap(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A real PDF with a text layer: each page a list of paragraphs, the first of each page set as a
 * larger heading, paragraphs wrapped over several lines and separated by a blank line's gap.
 */
export async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of pages) {
    const page = pdf.addPage([612, 792]);
    let y = 740;
    paragraphs.forEach((paragraph, i) => {
      const size = i === 0 ? 16 : 11;
      for (const line of wrap(paragraph, i === 0 ? 60 : 85)) {
        page.drawText(line, { x: 56, y, size, font });
        y -= size * 1.25;
      }
      y -= size * 1.25; // the blank line between paragraphs
    });
  }
  return pdf.save();
}

/** A PDF like a scan: pages with only drawn shapes, no text layer. */
export async function makeScannedPdf(pageCount = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) pdf.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 500, height: 690, borderWidth: 2 });
  return pdf.save();
}

export interface DocxBlock {
  heading?: 1 | 2;
  bullet?: boolean;
  text?: string;
  /** A table, row by row; each cell one paragraph. */
  table?: string[][];
}

/** A real Word document (the `docx` package writes what Word writes). */
export async function makeDocx(blocks: DocxBlock[]): Promise<Buffer> {
  const children = blocks.map((b) =>
    b.table
      ? new Table({ rows: b.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) })
      : new Paragraph({
          text: b.text,
          ...(b.heading ? { heading: b.heading === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 } : {}),
          ...(b.bullet ? { bullet: { level: 0 } } : {}),
        }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A one-entry ZIP written by hand, so a test can make an entry that inflates to far more than its header says. */
export function makeZip(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const data = deflateRawSync(content, { level: 1 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}
