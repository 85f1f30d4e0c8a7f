import { AttachmentBuilder, MessageFlags, SlashCommandBuilder } from "discord.js";
import { citationLabel } from "../../core/answer/answer.js";
import type { Exchange } from "../conversations.js";
import { replyOnce } from "../acknowledge.js";
import { guildCommand } from "./guild-command.js";
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
  data: guildCommand(new SlashCommandBuilder().setName("digest").setDescription("The questions and answers of this thread as a Markdown file (only you see it)."))
    .addBooleanOption((o) => o.setName("public").setDescription("Post it for everyone in the thread (only if you asked every question in it)"))
    .toJSON(),

  async execute(interaction, ctx) {
    const exchanges = ctx.conversations.exchanges(interaction.channelId);
    if (exchanges.length === 0) {
      await replyOnce(interaction, { content: "No questions have been answered in this thread yet: mention me with a question to start one.", flags: MessageFlags.Ephemeral });
      return;
    }
    // Other people's questions are theirs to share: a digest is posted publicly only by the one who asked them all.
    const wantsPublic = interaction.options.getBoolean("public") ?? false;
    const ownsAll = exchanges.every((e) => e.askerId === interaction.user.id);
    const file = new AttachmentBuilder(Buffer.from(digestMarkdown("Briefing Q&A digest", exchanges), "utf8"), { name: "digest.md" });
    const note = wantsPublic && !ownsAll ? " Sent only to you: others asked questions in this thread too." : "";
    await replyOnce(interaction, {
      content: `Digest of ${exchanges.length} question(s).${note}`,
      files: [file],
      ...(wantsPublic && ownsAll ? {} : { flags: MessageFlags.Ephemeral }),
    });
  },
};
