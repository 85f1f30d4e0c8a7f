import { guildCommand } from "./guild-command.js";
import { type ChatInputCommandInteraction, escapeMarkdown, MessageFlags, SlashCommandBuilder } from "discord.js";
import { addBrief, BriefExists, formatBytes, listBriefFiles, removeBrief, sanitizeBriefName } from "../../core/ingest/brief-files.js";
import { BRIEF_EXTENSIONS } from "../../core/ingest/formats/read-document.js";
import { describeError } from "../../core/errors.js";
import { canEditBriefs, editorRefusal } from "../brief-editors.js";
import { briefRows, briefsMessage } from "../briefs-list.js";
import type { BotContext, SlashCommand } from "../context.js";
import { downloadAttachment } from "../download-attachment.js";

const ephemeral = { flags: MessageFlags.Ephemeral } as const;

async function list(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply(ephemeral);
  const files = await listBriefFiles(ctx.briefbot.corpus.dir);
  await interaction.editReply(briefsMessage(briefRows(files, ctx.briefbot, ctx.indexedAt), ctx.indexedAt));
}

/** Re-indexes after a change to the folder; says so plainly if that fails (the file change itself stands). */
async function reindex(interaction: ChatInputCommandInteraction, ctx: BotContext, done: string): Promise<boolean> {
  try {
    await ctx.reload();
    return true;
  } catch (error) {
    ctx.log("reload after /briefs failed", error);
    await interaction.editReply(`${done}, but the briefs could not be re-indexed: ${describeError(error)} Answers still come from the previous index.`);
    return false;
  }
}

async function add(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const attachment = interaction.options.getAttachment("file", true);
  const replace = interaction.options.getBoolean("replace") ?? false;
  const dir = ctx.briefbot.corpus.dir;
  // Cheap checks first, before anything is downloaded.
  const name = sanitizeBriefName(attachment.name);
  if (attachment.size > ctx.maxUploadBytes) {
    await interaction.reply({ content: `${escapeMarkdown(attachment.name)} is ${formatBytes(attachment.size)}; briefs can be at most ${formatBytes(ctx.maxUploadBytes)}.`, ...ephemeral });
    return;
  }
  const taken = (await listBriefFiles(dir)).some((f) => f.name === name);
  const existsMessage = `A brief named **${escapeMarkdown(name)}** already exists. To overwrite it, run \`/briefs add\` again with \`replace:True\`; or rename the file.`;
  if (taken && !replace) {
    await interaction.reply({ content: existsMessage, ...ephemeral });
    return;
  }
  await interaction.deferReply(ephemeral);
  const bytes = await downloadAttachment(attachment.url, ctx.maxUploadBytes);
  let saved: { name: string; replaced: boolean };
  try {
    saved = await addBrief(dir, attachment.name, bytes, { replace, maxBytes: ctx.maxUploadBytes });
  } catch (error) {
    if (error instanceof BriefExists) {
      await interaction.editReply(existsMessage);
      return;
    }
    throw error;
  }
  ctx.log(`${interaction.user.tag} (${interaction.user.id}) ${saved.replaced ? "replaced" : "added"} brief ${saved.name}`);
  const verb = saved.replaced ? "Replaced" : "Added";
  const renamed = saved.name !== attachment.name ? ` (saved as ${escapeMarkdown(saved.name)})` : "";
  if (!(await reindex(interaction, ctx, `${verb} **${escapeMarkdown(saved.name)}**${renamed}`))) return;
  const doc = ctx.briefbot.corpus.documents.find((d) => d.source === saved.name);
  const skipped = ctx.briefbot.corpus.skipped.find((s) => s.source === saved.name);
  if (!doc) {
    await interaction.editReply(`${verb} **${escapeMarkdown(saved.name)}**${renamed}, but it was not indexed: ${escapeMarkdown(skipped?.reason ?? "unknown reason")}.`);
    return;
  }
  const sentences = ctx.briefbot.chunks.filter((c) => c.source === saved.name).length;
  const pages = doc.pages ? `, ${doc.pages.length} page${doc.pages.length === 1 ? "" : "s"}` : "";
  await interaction.editReply(
    `${verb} **${escapeMarkdown(saved.name)}**${renamed}: ${formatBytes(bytes.length)}, ${sentences} sentence${sentences === 1 ? "" : "s"}${pages}. It is indexed; questions are answered from it now.`,
  );
}

async function remove(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const name = interaction.options.getString("name", true);
  const dir = ctx.briefbot.corpus.dir;
  if (!(await listBriefFiles(dir)).some((f) => f.name === name)) {
    await interaction.reply({ content: `There is no brief named ${escapeMarkdown(name)}. \`/briefs list\` shows them all.`, ...ephemeral });
    return;
  }
  const readable = ctx.briefbot.corpus.documents;
  if (readable.length === 1 && readable[0]!.source === name) {
    await interaction.reply({ content: `**${escapeMarkdown(name)}** is the only readable brief; add another before removing it.`, ...ephemeral });
    return;
  }
  await interaction.deferReply(ephemeral);
  const kept = await removeBrief(dir, name);
  ctx.log(`${interaction.user.tag} (${interaction.user.id}) removed brief ${name} (kept as ${kept})`);
  const done = `Removed **${escapeMarkdown(name)}** (a copy is kept in the corpus folder as ${escapeMarkdown(kept)})`;
  if (!(await reindex(interaction, ctx, done))) return;
  await interaction.editReply(`${done}. It is no longer quoted.`);
}

export const briefs: SlashCommand = {
  data: guildCommand(new SlashCommandBuilder())
    .setName("briefs")
    .setDescription("List, add or remove the briefs the bot answers from.")
    .addSubcommand((s) => s.setName("list").setDescription("Every brief: size, sentences, when indexed, status."))
    .addSubcommand((s) =>
      s
        .setName("add")
        .setDescription(`Add a brief (${BRIEF_EXTENSIONS.join(", ")}); editors only.`)
        .addAttachmentOption((o) => o.setName("file").setDescription("The brief to add").setRequired(true))
        .addBooleanOption((o) => o.setName("replace").setDescription("Overwrite a brief of the same name")),
    )
    .addSubcommand((s) =>
      s
        .setName("remove")
        .setDescription("Remove a brief (kept aside, not deleted); editors only.")
        .addStringOption((o) => o.setName("name").setDescription("File name of the brief").setRequired(true).setAutocomplete(true).setMaxLength(200)),
    )
    .toJSON(),

  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand(true);
    if (sub === "list") return list(interaction, ctx);
    if (!canEditBriefs(interaction, ctx.editorRole)) {
      ctx.log(`refused /briefs ${sub} to ${interaction.user.tag} (${interaction.user.id}): not an editor`);
      await interaction.reply({ content: editorRefusal(ctx.editorRole), ...ephemeral });
      return;
    }
    if (sub === "add") return add(interaction, ctx);
    return remove(interaction, ctx);
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const files = await listBriefFiles(ctx.briefbot.corpus.dir);
    // A choice's value must be the exact name and at most 100 characters.
    const choices = files.filter((f) => f.name.length <= 100 && f.name.toLowerCase().includes(typed)).slice(0, 25);
    await interaction.respond(choices.map((f) => ({ name: f.name, value: f.name })));
  },
};
