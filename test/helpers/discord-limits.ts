/**
 * Discord's documented limits on what a bot sends
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits), checked the way
 * Discord checks them, so the fake refuses what Discord would refuse (400, code 50035).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function text(problems: string[], where: string, value: unknown, max: number): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "string") {
    problems.push(`${where} is not a string`);
    return 0;
  }
  if (value.length > max) problems.push(`${where} is ${value.length} characters (max ${max})`);
  if (LONE_SURROGATE.test(value)) problems.push(`${where} has a split surrogate pair`);
  if (value.includes("\u0000")) problems.push(`${where} has a NUL character`);
  return value.length;
}

export function discordLimitViolations(body: any, path = ""): string[] {
  const problems: string[] = [];
  if (!body || typeof body !== "object" || Array.isArray(body)) return problems;
  const message = body.type !== undefined && body.data !== undefined ? body.data : body; // interaction callback: { type, data }
  if (!message || typeof message !== "object") return problems;
  text(problems, "content", message.content, 2000);
  if (/\/threads$/.test(path)) text(problems, "thread name", body.name, 100);
  const embeds: any[] = message.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds (max 10)`);
  let total = 0;
  embeds.forEach((e, i) => {
    total += text(problems, `embeds[${i}].title`, e.title, 256);
    total += text(problems, `embeds[${i}].description`, e.description, 4096);
    total += text(problems, `embeds[${i}].footer.text`, e.footer?.text, 2048);
    total += text(problems, `embeds[${i}].author.name`, e.author?.name, 256);
    const fields: any[] = e.fields ?? [];
    if (fields.length > 25) problems.push(`embeds[${i}] has ${fields.length} fields (max 25)`);
    fields.forEach((f, j) => {
      total += text(problems, `embeds[${i}].fields[${j}].name`, f.name, 256);
      total += text(problems, `embeds[${i}].fields[${j}].value`, f.value, 1024);
      if (!f.name || !f.value) problems.push(`embeds[${i}].fields[${j}] is empty`);
    });
  });
  if (total > 6000) problems.push(`embeds total ${total} characters (max 6000)`);
  for (const [i, row] of (message.components ?? []).entries()) {
    for (const [j, c] of (row.components ?? []).entries()) {
      text(problems, `components[${i}][${j}].custom_id`, c.custom_id, 100);
      text(problems, `components[${i}][${j}].label`, c.label, 80);
    }
  }
  return problems;
}
