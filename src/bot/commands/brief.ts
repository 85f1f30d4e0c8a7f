import { escapeMarkdown, MessageFlags, SlashCommandBuilder } from "discord.js";
import { BriefbotError } from "../../core/errors.js";
import { replyOnce } from "../acknowledge.js";
import { briefingMessage } from "../briefing-message.js";
import { guildCommand } from "./guild-command.js";
import type { SlashCommand } from "../context.js";
import { deferThenQueue } from "../queued-reply.js";
import { clamp, LIMITS } from "../render.js";

/**
 * The briefing code pulls in the NLP library compromise (~0.35 s to load), which nothing else the bot
 * does needs: it is imported on first use (or by `preloadBriefing` once the bot is up), not at start.
 */
let briefingModule: Promise<typeof import("../../core/extract/briefing/build-briefing.js")> | undefined;
export function preloadBriefing(): NonNullable<typeof briefingModule> {
  briefingModule ??= import("../../core/extract/briefing/build-briefing.js").catch((error: unknown) => {
    briefingModule = undefined; // tried again next time
    throw error;
  });
  return briefingModule;
}

export const brief: SlashCommand = {
  data: guildCommand(new SlashCommandBuilder())
    .setName("brief")
    .setDescription("Briefing: an index of the briefs, one brief, a topic, or what is new; quoted and cited.")
    .addStringOption((o) => o.setName("document").setDescription("The key points of this brief").setMaxLength(200).setAutocomplete(true))
    .addStringOption((o) => o.setName("topic").setDescription("Points on this topic from every brief that discusses it").setMaxLength(200))
    .addStringOption((o) => o.setName("since").setDescription("Briefs added or changed since: 7d, 24h, 2026-11-20, monday…").setMaxLength(40))
    .toJSON(),

  async execute(interaction, ctx) {
    const request = {
      document: interaction.options.getString("document") ?? undefined,
      topic: interaction.options.getString("topic") ?? undefined,
      since: interaction.options.getString("since") ?? undefined,
    };
    const { buildBriefing, checkRequest } = await preloadBriefing();
    // Bad input is cheap to detect: it is told privately at once, without a place in the queue or a cooldown.
    try {
      checkRequest(ctx.briefbot, request);
    } catch (error) {
      if (!(error instanceof BriefbotError)) throw error;
      ctx.cooldown.forget(`${interaction.user.id}:${interaction.commandName}`);
      await replyOnce(interaction, { content: clamp(escapeMarkdown(error.message), LIMITS.content), flags: MessageFlags.Ephemeral });
      return;
    }
    await deferThenQueue(interaction, ctx, { private: false }, async () => {
      try {
        return briefingMessage(await buildBriefing(ctx.briefbot, request));
      } catch (error) {
        // The corpus may have changed while the request waited (a brief removed).
        if (error instanceof BriefbotError) return { content: clamp(escapeMarkdown(error.message), LIMITS.content) };
        throw error;
      }
    });
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    // A choice's value must be the exact name and at most 100 characters.
    const choices = ctx.briefbot.corpus.documents
      .map((d) => d.source)
      .filter((name) => name.length <= 100 && name.toLowerCase().includes(typed))
      .slice(0, 25);
    await interaction.respond(choices.map((name) => ({ name, value: name })));
  },
};
