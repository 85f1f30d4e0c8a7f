import type { SlashCommand } from "../context.js";
import { ask } from "./ask.js";
import { brief } from "./brief.js";
import { casualties } from "./casualties.js";
import { digest } from "./digest.js";
import { source } from "./source.js";

export const COMMANDS: SlashCommand[] = [ask, brief, casualties, source, digest];
export const commandsByName = new Map(COMMANDS.map((c) => [c.data.name, c]));
