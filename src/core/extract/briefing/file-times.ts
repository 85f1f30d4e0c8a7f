import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Briefbot } from "../../briefbot.js";

/**
 * When each document of the corpus came in, for "what is new since …": the file's modification
 * time. (If Briefbot comes to record when it indexed each document, that time belongs here.)
 * A file gone since loading counts as the time the corpus was read.
 */
export async function documentTimes(bot: Briefbot): Promise<Map<string, Date>> {
  const times = new Map<string, Date>();
  await Promise.all(
    bot.corpus.documents.map(async (doc) => {
      const modified = await stat(join(bot.corpus.dir, doc.source)).then((s) => s.mtime, () => new Date());
      times.set(doc.source, modified);
    }),
  );
  return times;
}
