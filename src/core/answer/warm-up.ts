import type { Briefbot } from "../briefbot.js";

/**
 * Questions of the common kinds (a toll, who and when, why), about no brief in particular. Answering
 * them once, with the answers thrown away, loads what a process's first real questions would otherwise
 * wait for: WordNet's files, the corpus's words of harm, the answerer's code compiled by V8. At 50,000
 * sentences the first questions of a fresh process took 90–370 ms each, and 25–60 ms after this.
 */
const WARM_UP_QUESTIONS = ["How many people were killed or injured?", "Who carried out the attack, and when?", "Why did it happen?"];

/** Answers the warm-up questions from `bot`, one after another; the answers are not kept. */
export async function warmUp(bot: Briefbot): Promise<void> {
  for (const question of WARM_UP_QUESTIONS) await bot.ask(question);
}
