import { Briefbot } from "../core/briefbot.js";
import { extractCasualties } from "../core/extract/casualties.js";
import type { BotContext } from "./context.js";

/**
 * A reload for the bot context: re-opens the corpus folder (the index cache makes unchanged files
 * cheap) and swaps the new briefbot in only once it is ready, so questions keep being answered from
 * the old one meanwhile. Calls are queued: two uploads at once reload one after the other. If the
 * folder cannot be opened, the old briefbot stays and the error goes to the caller.
 */
export function reloader(ctx: Omit<BotContext, "reload">, log: (message: string) => void): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const run = queue.then(async () => {
      const current = ctx.briefbot;
      const next = await Briefbot.open({ corpusDir: current.corpus.dir, cacheDir: current.indexStatus.cacheDir, embedder: current.embedder, log });
      ctx.briefbot = next;
      ctx.incidents = extractCasualties(next.chunks, next.paragraphs);
      ctx.indexedAt = new Date();
      log(`corpus reloaded: ${next.corpus.documents.length} file(s), ${next.chunks.length} sentences (index ${next.indexStatus.action})`);
    });
    queue = run.catch(() => {});
    return run;
  };
}
