import { Client, Events, GatewayIntentBits } from "discord.js";
import type { BotContext } from "./context.js";
import { onInteraction } from "./events/interaction-create.js";
import { onMessage } from "./events/message-create.js";

export function createClient(options: { apiUrl?: string } = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    // Nothing a user asks or the brief says may ping @everyone, a role or a user.
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
}

export interface RunningBot {
  /** Stops taking new work and waits for handlers already running. */
  drain(timeoutMs?: number): Promise<void>;
}

/** Wires the handlers to the client; every handler's promise is tracked so shutdown can wait for it. */
export function attachBot(client: Client, ctx: BotContext): RunningBot {
  const inFlight = new Set<Promise<void>>();
  let draining = false;
  const track = (work: () => Promise<void>) => {
    if (draining) return;
    const p = work()
      .catch((error) => ctx.log("handler failed", error))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  client.on(Events.InteractionCreate, (interaction) => track(() => onInteraction(interaction, ctx)));
  client.on(Events.MessageCreate, (message) => track(() => onMessage(message, ctx, client.user!.id)));
  client.on(Events.Error, (error) => ctx.log("discord.js client error", error));
  return {
    async drain(timeoutMs = 10_000) {
      draining = true;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    },
  };
}
