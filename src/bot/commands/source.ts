import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { guildCommand } from "./guild-command.js";
import type { SlashCommand } from "../context.js";
import { replyOnce } from "../acknowledge.js";
import { clamp, LIMITS, paragraphEmbeds } from "../render.js";

/** The corpus's file names for a hint, as many as read comfortably (a corpus can hold hundreds). */
export function fileList(sources: string[], max = 10): string {
  const shown = sources.slice(0, max).map((s) => clamp(s, 80));
  const more = sources.length - shown.length;
  return `Files: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`;
}

export const source: SlashCommand = {
  data: guildCommand(new SlashCommandBuilder())
    .setName("source")
    .setDescription("Show one paragraph of the brief exactly as written.")
    .addIntegerOption((o) => o.setName("paragraph").setDescription("Paragraph number, as in citations [file ¶n]").setRequired(true).setMinValue(1))
    .addStringOption((o) => o.setName("file").setDescription("File name (default: the first file of the corpus)").setMaxLength(200))
    .toJSON(),

  async execute(interaction, ctx) {
    const n = interaction.options.getInteger("paragraph", true);
    const file = interaction.options.getString("file") ?? undefined;
    const paragraph = ctx.briefbot.paragraph(n, file);
    if (!paragraph) {
      const content = `There is no paragraph ${n} in ${file ?? "the brief"}. ${fileList(ctx.briefbot.corpus.documents.map((d) => d.source))}`;
      await replyOnce(interaction, { content: clamp(content, LIMITS.content), flags: MessageFlags.Ephemeral });
      return;
    }
    await replyOnce(interaction, { embeds: paragraphEmbeds([paragraph]) });
  },
};
