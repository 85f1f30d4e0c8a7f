import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Briefbot } from "../core/briefbot.js";
import type { Incident } from "../core/extract/casualties.js";
import type { Conversations } from "./conversations.js";
import type { Cooldown } from "./cooldown.js";

export interface FeedbackEntry {
  at: string;
  user: string;
  vote: "up" | "down";
  question: string;
  messageId: string;
}

/** Everything a handler needs, built once at start and passed in (tests build their own). */
export interface BotContext {
  briefbot: Briefbot;
  incidents: Incident[];
  cooldown: Cooldown;
  conversations: Conversations;
  recordFeedback: (entry: FeedbackEntry) => void;
  log: (message: string, error?: unknown) => void;
}

export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
}
