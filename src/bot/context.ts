import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Briefbot } from "../core/briefbot.js";
import type { Incident } from "../core/extract/casualties.js";
import type { AccessPolicy } from "./access.js";
import type { Conversations } from "./conversations.js";
import type { Cooldown } from "./cooldown.js";
import type { FeedbackStore } from "./storage/feedback-store.js";
import type { WorkQueue } from "./work-queue.js";

/** Everything a handler needs, built once at start and passed in (tests build their own). */
export interface BotContext {
  briefbot: Briefbot;
  incidents: Incident[];
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
}
