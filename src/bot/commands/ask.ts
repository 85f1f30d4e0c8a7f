import { SlashCommandBuilder } from "discord.js";
import { guildCommand } from "./guild-command.js";
import type { SlashCommand } from "../context.js";
import { deferThenQueue } from "../queued-reply.js";
import { answerButtons, answerEmbed } from "../render.js";

export const ask: SlashCommand = {
  data: guildCommand(new SlashCommandBuilder())
    .setName("ask")
    .setDescription("Ask the brief a question; the answer quotes it word for word.")
    .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true).setMaxLength(1000))
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"))
    .toJSON(),

  async execute(interaction, ctx) {
    const isPrivate = interaction.options.getBoolean("private") ?? false;
    await deferThenQueue(interaction, ctx, { private: isPrivate }, async () => {
      // One index for the whole answer, even if the corpus is swapped meanwhile.
      const briefbot = ctx.briefbot;
      const answer = await briefbot.ask(interaction.options.getString("question", true));
      return { embeds: [answerEmbed(answer)], components: answerButtons(answer, briefbot) };
    });
  },
};
