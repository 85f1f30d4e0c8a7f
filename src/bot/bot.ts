import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import type { BotContext } from "./context.js";
import { onInteraction } from "./events/interaction-create.js";
import { onMessage } from "./events/message-create.js";
import { describeFatalClose } from "./gateway-close.js";

export function createClient(options: { apiUrl?: string } = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    // Nothing a user asks or the brief says may ping @everyone, a role or a user.
    allowedMentions: { parse: [], repliedUser: false },
    // Every message carries a nonce Discord enforces: a retry after a lost 5xx reply never posts twice.
    enforceNonce: true,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
}

export interface RunningBot {
  /** Stops taking new work, waits for handlers already running (answers in flight are sent). */
  drain(timeoutMs?: number): Promise<boolean>;
}

export interface AttachOptions {
  /** Called when Discord closes the gateway for good (revoked token, missing intent…), with what to do. */
  onFatalClose?: (message: string, code: number) => void;
}

/** Wires the handlers to the client; every handler's promise is tracked so shutdown can wait for it. */
export function attachBot(client: Client, ctx: BotContext, options: AttachOptions = {}): RunningBot {
  const inFlight = new Set<Promise<void>>();
  let draining = false;
  const track = (work: () => Promise<void>) => {
    const p = work()
      .catch((error) => ctx.log("handler failed", error))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (!draining) return track(() => onInteraction(interaction, ctx));
    // Shutting down: say so rather than let the interaction expire.
    if (interaction.isRepliable())
      track(() => interaction.reply({ content: "briefbot is restarting; please try again in a minute.", flags: MessageFlags.Ephemeral }).then(() => {}));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!draining) track(() => onMessage(message, ctx, client.user!.id));
  });
  client.on(Events.Error, (error) => ctx.log("discord.js client error", error));
  client.on(Events.ShardDisconnect, (event) => {
    const message = describeFatalClose(event.code);
    if (message) options.onFatalClose?.(message, event.code);
  });
  return {
    async drain(timeoutMs = 10_000) {
      draining = true;
      ctx.queue.close();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        (async () => {
          // Handlers can start more work while we wait (a reply after a queued answer): wait until none is left.
          while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
          return true;
        })(),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      return finished;
    },
  };
}
