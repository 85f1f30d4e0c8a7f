import type { Briefbot } from "../core/briefbot.js";
import { extractCasualties, type Incident } from "../core/extract/casualties.js";
import type { LiveCorpus } from "../core/live-corpus.js";
import type { BotContext } from "./context.js";

/** Casualties are extracted once per loaded corpus, not per command. */
const incidentCache = new WeakMap<Briefbot, Incident[]>();
function incidentsOf(briefbot: Briefbot): Incident[] {
  let incidents = incidentCache.get(briefbot);
  if (!incidents) incidentCache.set(briefbot, (incidents = extractCasualties(briefbot.chunks, briefbot.paragraphs)));
  return incidents;
}

/**
 * A handler context whose `briefbot` (and `incidents`) is whatever index the live corpus holds
 * at the moment of reading; while there is none, reading it throws "still indexing, N %".
 */
export function liveContext(live: LiveCorpus, rest: Omit<BotContext, "briefbot" | "incidents">): BotContext {
  const ctx = Object.defineProperties({ ...rest }, {
    briefbot: { get: () => live.briefbot, enumerable: true },
    incidents: { get: () => incidentsOf(live.briefbot), enumerable: true },
  }) as BotContext;
  // After /briefs adds or removes a file, re-index now rather than wait for the watcher's quiet time.
  ctx.reload = async () => {
    await live.refresh("a brief was added or removed in Discord");
    ctx.indexedAt = new Date();
  };
  return ctx;
}
