import "dotenv/config";
import { REST, Routes } from "discord.js";
import { BriefbotError, describeError } from "../core/errors.js";
import { COMMANDS } from "./commands/index.js";
import { loadConfig } from "./config.js";

/** Registers the slash commands: in each guild of DISCORD_GUILD_ID(S) when set (instant), else globally. */
export async function deployCommands(config: ReturnType<typeof loadConfig>): Promise<number> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const body = COMMANDS.map((c) => c.data);
  const routes = config.guildIds.length
    ? config.guildIds.map((guild) => Routes.applicationGuildCommands(config.applicationId, guild))
    : [Routes.applicationCommands(config.applicationId)];
  try {
    let registered = 0;
    for (const route of routes) registered = ((await rest.put(route, { body })) as unknown[]).length;
    return registered;
  } catch (error) {
    throw new BriefbotError(
      `Discord did not accept the commands (${(error as Error).message}). Check DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_URL.`,
      "CONFIG",
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const config = loadConfig(process.env);
    const count = await deployCommands(config);
    console.log(`Registered ${count} slash command(s) ${config.guildIds.length ? `in guild(s) ${config.guildIds.join(", ")}` : "globally (may take up to an hour to appear)"}.`);
  } catch (error) {
    console.error(`briefbot: ${describeError(error)}`);
    process.exit(1);
  }
}
