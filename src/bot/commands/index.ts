import type { SlashCommand } from "../context.js";
import { ask } from "./ask.js";
import { brief } from "./brief.js";
import { briefs } from "./briefs.js";
import { casualties } from "./casualties.js";
import { digest } from "./digest.js";
import { source } from "./source.js";

export const COMMANDS: SlashCommand[] = [ask, brief, casualties, source, digest, briefs];
export const commandsByName = new Map(COMMANDS.map((c) => [c.data.name, c]));
