import type { EmbedProgress } from "./embed-batches.js";

/**
 * Turns embedding progress into log lines, one per `step` percent ("embedding 40 % (400/1,000
 * sentences)"), for logs where a redrawn bar would be noise (the bot, a CLI piped to a file).
 */
export function percentLog(log: (message: string) => void, step = 10): (p: EmbedProgress) => void {
  let next = 0;
  return ({ done, total }) => {
    const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
    if (percent < next) return;
    log(`embedding ${percent} % (${done.toLocaleString("en")}/${total.toLocaleString("en")} new sentences)`);
    next = (Math.floor(percent / step) + 1) * step;
  };
}
