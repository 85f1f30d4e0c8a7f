import { AttachmentBuilder, MessageFlags, SlashCommandBuilder } from "discord.js";
import { citationLabel } from "../../core/answer/answer.js";
import type { Exchange } from "../conversations.js";
import type { SlashCommand } from "../context.js";

export function digestMarkdown(title: string, exchanges: Exchange[]): string {
  const lines = [`# ${title}`, ""];
  for (const [i, e] of exchanges.entries()) {
    lines.push(`## Q${i + 1}. ${e.question.replace(/\s+/g, " ")}`, "", `_Asked by ${e.asker} at ${e.at.toISOString()}_`, "");
    if (!e.answer.answered) lines.push(e.answer.answer, "");
    for (const c of e.answer.citations) lines.push(`> ${c.quote.replace(/\s+/g, " ")}`, ">", `> — ${citationLabel(c)}`, "");
  }
  return lines.join("\n");
}

export const digest: SlashCommand = {
  data: new SlashCommandBuilder().setName("digest").setDescription("The questions and answers of this thread as a Markdown file.").toJSON(),

  async execute(interaction, ctx) {
    const exchanges = ctx.conversations.exchanges(interaction.channelId);
    if (exchanges.length === 0) {
      await interaction.reply({ content: "No questions have been answered in this thread yet: mention me with a question to start one.", flags: MessageFlags.Ephemeral });
      return;
    }
    const file = new AttachmentBuilder(Buffer.from(digestMarkdown("Briefing Q&A digest", exchanges), "utf8"), { name: "digest.md" });
    await interaction.reply({ content: `Digest of ${exchanges.length} question(s).`, files: [file] });
  },
};
