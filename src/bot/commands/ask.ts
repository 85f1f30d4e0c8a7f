import { MessageFlags, SlashCommandBuilder } from "discord.js";
import type { SlashCommand } from "../context.js";
import { answerButtons, answerEmbed } from "../render.js";

export const ask: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask the brief a question; the answer quotes it word for word.")
    .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true).setMaxLength(1000))
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"))
    .toJSON(),

  async execute(interaction, ctx) {
    const wait = ctx.cooldown.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply({ content: `Please wait ${wait} s before asking again.`, flags: MessageFlags.Ephemeral });
      return;
    }
    const isPrivate = interaction.options.getBoolean("private") ?? false;
    // Embedding and search can pass Discord's 3-second acknowledgement deadline on a cold machine: defer first.
    await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    // One index for the whole answer, even if the corpus is swapped meanwhile.
    const briefbot = ctx.briefbot;
    const answer = await briefbot.ask(interaction.options.getString("question", true));
    await interaction.editReply({ embeds: [answerEmbed(answer)], components: answerButtons(answer, briefbot) });
  },
};
