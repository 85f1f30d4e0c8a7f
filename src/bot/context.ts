import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Briefbot } from "../core/briefbot.js";
import type { Incident } from "../core/extract/casualties.js";
import type { AccessPolicy } from "./access.js";
import type { Conversations } from "./conversations.js";
import type { Cooldown } from "./cooldown.js";
import type { FeedbackStore } from "./storage/feedback-store.js";
import type { WorkQueue } from "./work-queue.js";

/** Everything a handler needs, built once at start and passed in (tests build their own). */
export interface BotContext {
  /** Swapped for a new one by reload(); handlers read it at the moment they answer. */
  briefbot: Briefbot;
  incidents: Incident[];
  /** When the current briefbot was opened (its index built or loaded). */
  indexedAt: Date;
  /** Re-reads the corpus folder and swaps the new briefbot in; calls run one after another. */
  reload: () => Promise<void>;
  /** Who may add and remove briefs besides members with Manage Server: a role id or name. */
  editorRole?: string;
  maxUploadBytes: number;
  cooldown: Cooldown;
  /** Answering, casualties and briefings run here, one at a time, after the acknowledgement. */
  queue: WorkQueue;
  access: AccessPolicy;
  conversations: Conversations;
  feedback: FeedbackStore;
  log: (message: string, error?: unknown) => void;
}

export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Suggestions while the user types an option marked autocomplete. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
