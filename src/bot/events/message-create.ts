import type { Message, SendableChannels } from "discord.js";
import { isUserFacing } from "../../core/errors.js";
import type { BotContext } from "../context.js";
import { answerButtons, answerEmbed, truncate } from "../render.js";
import { userMessage } from "../reply-error.js";

const HELP = "Mention me with a question about the brief, e.g. “@briefbot how many people were killed at the mosque?”. I answer in a thread; ask follow-ups there.";

/** The question without the mention(s) of the bot that asked for it. */
export function questionFrom(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}

/**
 * A mention starts a thread under the message and answers there; later messages in that
 * thread are follow-ups, answered with the thread's earlier questions as context.
 */
export async function onMessage(message: Message, ctx: BotContext, botId: string): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const inOurThread = message.channel.isThread() && ctx.conversations.has(message.channelId);
  if (!inOurThread && !message.mentions.users.has(botId)) return;

  let target: SendableChannels | undefined;
  try {
    const question = questionFrom(message.content, botId);
    if (!question) {
      if (!inOurThread) await message.reply({ content: HELP });
      return;
    }
    const wait = ctx.cooldown.take(message.author.id);
    if (wait > 0) {
      await message.reply({ content: `Please wait ${wait} s before asking again.` });
      return;
    }
    // One index for the whole answer, even if the corpus is swapped meanwhile.
    const briefbot = ctx.briefbot;
    if (message.channel.isThread()) {
      target = message.channel;
    } else {
      const thread = await message.startThread({ name: truncate(question, 100), autoArchiveDuration: 1440 }).catch((error: unknown) => {
        // Without the Create Public Threads permission (or in a channel that has no threads) the
        // question still deserves an answer: reply in place, without follow-up context.
        ctx.log(`could not open a thread for message ${message.id}; answering in the channel`, error);
        return undefined;
      });
      if (!thread) {
        const answer = await briefbot.ask(question);
        await message.reply({ embeds: [answerEmbed(answer)], components: answerButtons(answer, briefbot) });
        return;
      }
      target = thread;
    }
    ctx.conversations.start(target.id);
    await target.sendTyping().catch(() => {});
    const answer = await briefbot.ask(question, { history: ctx.conversations.history(target.id) });
    ctx.conversations.record(target.id, { asker: message.author.username, question: answer.question, answer, at: new Date() });
    await target.send({ embeds: [answerEmbed(answer)], components: answerButtons(answer, briefbot) });
  } catch (error) {
    if (!isUserFacing(error)) ctx.log(`message ${message.id} failed`, error);
    try {
      await (target ?? message.channel).send({ content: userMessage(error) });
    } catch {
      // Nowhere left to report it; it is logged.
    }
  }
}
