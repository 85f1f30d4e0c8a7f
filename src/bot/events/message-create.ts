import { DiscordAPIError, type Message, RESTJSONErrorCodes, type SendableChannels } from "discord.js";
import { validateQuestion } from "../../core/answer/question.js";
import { isUserFacing } from "../../core/errors.js";
import { accessRefusal } from "../access.js";
import type { BotContext } from "../context.js";
import { busyMessage } from "../queued-reply.js";
import { answerButtons, answerEmbed, clamp, LIMITS } from "../render.js";
import { userMessage } from "../reply-error.js";

const HELP = "Mention me with a question about the brief, e.g. “@briefbot how many people were killed at the mosque?”. I answer in a thread; ask follow-ups there.";

/** The question without the mention(s) of the bot that asked for it. */
export function questionFrom(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}

/**
 * Opens the thread under `message`. When Discord already made it (our first request reached it but
 * its reply was lost, and the retry got 160004), the thread (which has the message's id) is reused.
 */
async function openThread(message: Message<true>, name: string, ctx: BotContext): Promise<SendableChannels | undefined> {
  try {
    return await message.startThread({ name: clamp(name, LIMITS.threadName), autoArchiveDuration: 1440 });
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
      const existing = await message.client.channels.fetch(message.id);
      if (existing?.isThread()) return existing;
    }
    // Without the Create Public Threads permission (or in a channel that has no threads) the
    // question still deserves an answer: reply in place, without follow-up context.
    ctx.log(`could not open a thread for message ${message.id}; answering in the channel`, error);
    return undefined;
  }
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
  let release = () => {};
  try {
    const refusal = accessRefusal({ guildId: message.guildId, roles: [...(message.member?.roles.cache.keys() ?? [])] }, ctx.access);
    if (refusal) {
      if (!inOurThread) await message.reply({ content: refusal });
      return;
    }
    const raw = questionFrom(message.content, botId);
    if (!raw) {
      if (!inOurThread) await message.reply({ content: HELP });
      return;
    }
    // A question that cannot be asked is explained before any thread is opened for it.
    const question = validateQuestion(raw);
    const wait = ctx.cooldown.take(`${message.author.id}:ask`);
    if (wait > 0) {
      await message.reply({ content: `Please wait ${wait} s before asking again.` });
      return;
    }
    const admission = ctx.queue.admit(message.author.id);
    if (!admission.ok) {
      ctx.cooldown.forget(`${message.author.id}:ask`);
      await message.reply({ content: busyMessage(admission) });
      return;
    }
    release = admission.slot.cancel;
    // One index for the whole answer, even if the corpus is swapped meanwhile.
    const briefbot = ctx.briefbot;
    target = message.channel.isThread() ? message.channel : await openThread(message, question, ctx);
    if (!target) {
      const answer = await admission.slot.run(() => briefbot.ask(question));
      await message.reply({ embeds: [answerEmbed(answer)], components: answerButtons(answer, briefbot) });
      return;
    }
    const thread = target;
    ctx.conversations.start(thread.id);
    await thread.sendTyping().catch(() => {});
    const history = ctx.conversations.history(thread.id);
    const answer = await admission.slot.run(() => briefbot.ask(question, { history }));
    ctx.conversations.record(thread.id, { asker: message.author.username, askerId: message.author.id, question: answer.question, answer, at: new Date() });
    await thread.send({ embeds: [answerEmbed(answer)], components: answerButtons(answer, briefbot) });
  } catch (error) {
    if (!isUserFacing(error)) ctx.log(`message ${message.id} failed`, error);
    try {
      if (target) await target.send({ content: userMessage(error) });
      else await message.reply({ content: userMessage(error) });
    } catch {
      // Nowhere left to report it; it is logged.
    }
  } finally {
    release();
  }
}
