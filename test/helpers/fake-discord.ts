import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "discord.js";
import { WebSocket, WebSocketServer } from "ws";
import { type AttachOptions, attachBot, createClient, type RunningBot } from "../../src/bot/bot.js";
import type { BotContext } from "../../src/bot/context.js";
import { type ContextOptions, createContext } from "../../src/bot/create-context.js";
import { reloader } from "../../src/bot/reload.js";
import type { Briefbot } from "../../src/core/briefbot.js";
import { discordLimitViolations } from "./discord-limits.js";

export const IDS = {
  app: "100000000000000001",
  bot: "100000000000000002",
  guild: "100000000000000003",
  channel: "100000000000000004",
  user: "100000000000000005",
  /** A "briefing" role that exists in the test guild. */
  role: "100000000000000006",
  editorRole: "100000000000000009",
};

/** Permissions of a plain member: view channels, send messages, use application commands (no Manage Server). */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 31n));

/** Who sends an interaction: the default is the guild owner's analyst with every permission. */
/** Who sends an interaction: roles and permissions in the guild (see Origin). */
export type Sender = Origin;

export interface RecordedCall {
  method: string;
  /** URL-decoded path below /api/v10, e.g. /webhooks/<app>/<token>/messages/@original */
  path: string;
  query: string;
  body: any;
  files: { name: string; data: Buffer }[];
  /** What the fake answered (JSON), e.g. the new thread with its id. */
  response?: any;
  status?: number;
}

/** A failure the fake answers with instead of (or after) doing a request's work, as Discord sometimes does. */
export interface Fault {
  match: (c: RecordedCall) => boolean;
  status: number;
  /** Do the work (record the message, the acknowledgement, the thread) and then fail, like a 502 from a proxy after Discord acted. */
  afterWork?: boolean;
  /** Seconds, for 429. */
  retryAfter?: number;
  times: number;
}

/** Who an event comes from and where: the test guild's human by default. */
export interface Origin {
  user?: { id: string; username: string };
  /** null: a direct message. */
  guildId?: string | null;
  roles?: string[];
  /** The member's permissions in the guild, as Discord's bit-set string. */
  permissions?: string;
}

let snowflake = 200000000000000000n;
export const nextId = () => String(++snowflake);

const botUser = { id: IDS.bot, username: "briefbot", discriminator: "0", global_name: null, avatar: null, bot: true };
export const humanUser = { id: IDS.user, username: "analyst", discriminator: "0", global_name: "Analyst", avatar: null, bot: false };

/** A slash command option as Discord sends it; a subcommand (type 1) nests its own options. */
export interface SlashOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: SlashOption[];
}

/** Splits a multipart/form-data body into its JSON payload and its files. */
function parseMultipart(body: Buffer, contentType: string): { json: any; files: { name: string; data: Buffer }[] } {
  const boundary = contentType.match(/boundary=(?:"([^"]+)"|([^;]+))/)![1] ?? contentType.match(/boundary=([^;]+)/)![1]!;
  const delimiter = Buffer.from(`--${boundary}`);
  const files: { name: string; data: Buffer }[] = [];
  let json: any = null;
  let start = body.indexOf(delimiter) + delimiter.length;
  while (start > delimiter.length - 1) {
    const end = body.indexOf(delimiter, start);
    if (end === -1) break;
    const part = body.subarray(start + 2, end - 2); // skip CRLF after delimiter and before the next
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString();
    const data = part.subarray(headerEnd + 4);
    const name = headers.match(/name="([^"]+)"/)?.[1];
    const filename = headers.match(/filename="([^"]+)"/)?.[1];
    if (name === "payload_json") json = JSON.parse(data.toString());
    else if (filename) files.push({ name: filename, data: Buffer.from(data) });
    start = end + delimiter.length;
  }
  return { json, files };
}

/**
 * A Discord stand-in on 127.0.0.1: the REST routes briefbot uses, recording every call, and a
 * gateway that says HELLO, answers IDENTIFY with READY + GUILD_CREATE, ACKs heartbeats and
 * accepts RESUME. Tests push events with dispatch() and read what the bot sent from calls.
 */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly gatewayOps: { op: number; d: any }[] = [];
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private waiters: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  private readonly threads = new Map<string, any>();
  private readonly attachments = new Map<string, { data: Buffer; contentType: string }>();
  port = 0;
  /** Answer thread creation with 403 Missing Permissions, as Discord does without Create Public Threads. */
  refuseThreads = false;
  /** Refuse an acknowledgement that arrives more than 3 s after its interaction was sent (Discord's 10062). */
  enforceAckDeadline = false;
  /** When each interaction was dispatched and when (if) it was acknowledged, by interaction id. */
  readonly interactionTimes = new Map<string, { sentAt: number; ackedAt?: number; expired?: boolean }>();
  /** Close the gateway with this code right after IDENTIFY (a login Discord refuses, e.g. 4014). */
  closeOnIdentify: number | undefined;
  private readonly faults: Fault[] = [];
  private readonly acknowledged = new Set<string>();
  private readonly nonces = new Map<string, any>();

  constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: "/gateway" });
    this.wss.on("connection", (ws) => this.onSocket(ws));
  }

  async start(): Promise<this> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** Resolves with the first recorded call (already made or still to come) that matches. */
  waitFor(match: (c: RecordedCall) => boolean, timeoutMs = 30_000): Promise<RecordedCall> {
    const done = this.calls.find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timed out waiting for a REST call")), timeoutMs);
      this.waiters.push({ match, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  async waitForOp(op: number, count = 1, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.gatewayOps.filter((o) => o.op === op).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for gateway op ${op}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  dispatch(t: string, d: unknown): void {
    this.socket?.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Closes the gateway socket as Discord does on a server restart (resumable close code). */
  dropGateway(): void {
    this.socket?.close(4000, "simulated drop");
  }

  /** Closes the gateway with any code, e.g. 4004 (token revoked) or 4014 (intent not allowed). */
  closeGateway(code: number, reason = "simulated close"): void {
    this.socket?.close(code, reason);
  }

  /** The next `times` requests matching `match` get `status` (429 with retryAfter; 5xx before or after doing the work). */
  fail(match: (c: RecordedCall) => boolean, fault: Omit<Fault, "match" | "times"> & { times?: number }): void {
    this.faults.push({ match, times: 1, ...fault });
  }

  /** Every payload the bot sent that Discord would have refused for breaking its limits. */
  limitViolations(): { call: RecordedCall; problems: string[] }[] {
    return this.calls.flatMap((call) => {
      const problems = discordLimitViolations(call.body, call.path);
      return problems.length ? [{ call, problems }] : [];
    });
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on("message", (raw) => {
      const payload = JSON.parse(raw.toString());
      this.gatewayOps.push(payload);
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) {
        if (this.closeOnIdentify !== undefined) ws.close(this.closeOnIdentify, "refused");
        else this.identify();
      }
      if (payload.op === 6) ws.send(JSON.stringify({ op: 0, t: "RESUMED", s: ++this.seq, d: {} }));
    });
  }

  private identify(): void {
    this.seq = 0;
    this.dispatch("READY", {
      v: 10,
      user: botUser,
      guilds: [{ id: IDS.guild, unavailable: true }],
      session_id: "fake-session",
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      application: { id: IDS.app, flags: 0 },
    });
    this.dispatch("GUILD_CREATE", {
      id: IDS.guild,
      name: "Briefing Room",
      owner_id: IDS.user,
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: new Date().toISOString(),
      channels: [{ id: IDS.channel, type: 0, name: "briefing", position: 0, permission_overwrites: [] }],
      threads: [],
      members: [],
      roles: [
        { id: IDS.guild, name: "@everyone", permissions: "2199023255551", position: 0, color: 0, hoist: false, managed: false, mentionable: false },
        { id: IDS.role, name: "briefing", permissions: "0", position: 1, color: 0, hoist: false, managed: false, mentionable: false },
        { id: IDS.editorRole, name: "Brief editors", permissions: "0", position: 1, color: 0, hoist: false, managed: false, mentionable: false },
      ],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      features: [],
      stage_instances: [],
      guild_scheduled_events: [],
    });
  }

  private message(channelId: string, body: any) {
    return {
      id: nextId(),
      channel_id: channelId,
      author: botUser,
      content: body?.content ?? "",
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url!, "http://x");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, "");
    const type = req.headers["content-type"] ?? "";
    let body: any = null;
    let files: RecordedCall["files"] = [];
    if (type.startsWith("multipart/form-data")) ({ json: body, files } = parseMultipart(raw, type));
    else if (raw.length) body = JSON.parse(raw.toString());
    const call: RecordedCall = { method: req.method!, path, query: url.search, body, files };
    this.calls.push(call);

    const fault = this.faults.find((f) => f.times > 0 && f.match(call));
    if (fault) fault.times--;
    let sent = false;
    const json = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      if (sent) return;
      sent = true;
      if (fault?.afterWork && status < 300) {
        // The work is done; the answer is lost on the way back.
        call.response = data;
        call.status = fault.status;
        res.writeHead(fault.status, { "content-type": "text/plain" }).end("Bad Gateway");
        return;
      }
      call.response = data;
      call.status = status;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
    };
    const noContent = () => {
      if (fault?.afterWork) return json(200);
      call.status = 204;
      sent = true;
      res.writeHead(204).end();
    };
    let m: RegExpMatchArray | null;
    const violations = body ? discordLimitViolations(body, path) : [];
    if (req.method === "GET" && (m = path.match(/^\/attachments\/(\d+)\//))) {
      // Discord's CDN stand-in: the files users attached to their commands.
      const file = this.attachments.get(m[1]!);
      if (file) res.writeHead(200, { "content-type": file.contentType, "content-length": file.data.length }).end(file.data);
      else json(404, { message: "Unknown attachment", code: 0 });
    } else if (fault && !fault.afterWork) {
      if (fault.status === 429) json(429, { message: "You are being rate limited.", retry_after: fault.retryAfter ?? 0.05, global: false }, { "retry-after": String(fault.retryAfter ?? 0.05), "x-ratelimit-scope": "user" });
      else json(fault.status, { message: "Server error", code: 0 });
    } else if (violations.length && req.method !== "PUT") {
      json(400, { message: "Invalid Form Body", code: 50035, errors: violations });
    } else if (req.method === "GET" && path === "/gateway/bot") {
      json(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    } else if (req.method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      json(200, (body as any[]).map((c) => ({ ...c, id: nextId(), application_id: IDS.app, version: "1" })));
    } else if ((m = path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/)) && req.method === "POST") {
      const times = this.interactionTimes.get(m[1]!);
      if (times) times.ackedAt ??= Date.now();
      if (this.acknowledged.has(m[1]!)) json(400, { message: "Interaction has already been acknowledged.", code: 40060 });
      else if (this.enforceAckDeadline && times && Date.now() - times.sentAt > 3000) {
        times.expired = true;
        json(404, { message: "Unknown interaction", code: 10062 });
      } else {
        this.acknowledged.add(m[1]!);
        noContent();
      }
    } else if ((m = path.match(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)) && req.method === "PATCH") {
      json(200, this.message(IDS.channel, body));
    } else if ((m = path.match(/^\/webhooks\/\d+\/[^/]+$/)) && req.method === "POST") {
      json(200, this.message(IDS.channel, body));
    } else if (this.refuseThreads && /\/threads$/.test(path)) {
      json(403, { message: "Missing Permissions", code: 50013 });
    } else if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/)) && req.method === "POST" && this.threads.has(m[2]!)) {
      json(400, { message: "A thread has already been created for this message", code: 160004 });
    } else if ((m = path.match(/^\/channels\/(\d+)$/)) && req.method === "GET" && this.threads.has(m[1]!)) {
      json(200, this.threads.get(m[1]!));
    } else if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/)) && req.method === "POST") {
      // As on Discord, a thread started from a message has the message's id.
      const thread = {
        id: m[2]!,
        type: 11,
        guild_id: IDS.guild,
        parent_id: m[1],
        name: body.name,
        owner_id: IDS.bot,
        message_count: 0,
        member_count: 1,
        thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
      };
      this.threads.set(thread.id, thread);
      json(201, thread);
    } else if ((m = path.match(/^\/channels\/(\d+)\/typing$/)) && req.method === "POST") {
      noContent();
    } else if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && req.method === "POST") {
      // enforce_nonce: a second message with the same nonce returns the first instead of posting again.
      const key = body?.enforce_nonce && body.nonce !== undefined ? `${m[1]}:${body.nonce}` : undefined;
      const existing = key && this.nonces.get(key);
      const message = existing ?? this.message(m[1]!, body);
      if (key && !existing) this.nonces.set(key, message);
      json(200, message);
    } else {
      json(404, { message: "Unknown route in FakeDiscord", code: 0 });
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.match(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  /**
   * A file as a user attaches it to a slash command: served on this loopback server, described as
   * Discord describes attachments (`size` can be set to what Discord would claim).
   */
  hostAttachment(filename: string, data: Buffer | Uint8Array, options: { contentType?: string; size?: number } = {}) {
    const id = nextId();
    const contentType = options.contentType ?? "application/octet-stream";
    this.attachments.set(id, { data: Buffer.from(data), contentType });
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: options.size ?? data.length, url, proxy_url: url, content_type: contentType };
  }

  /** The fields every interaction from the human user in the test guild carries. */
  private interaction(type: number, channelId: string, data: unknown, extra: object = {}, origin: Origin = {}) {
    const user = { ...humanUser, ...origin.user };
    const guildId = origin.guildId === undefined ? IDS.guild : origin.guildId;
    const where = guildId
      ? {
          guild_id: guildId,
          channel: { id: channelId, type: channelId === IDS.channel ? 0 : 11, guild_id: guildId },
          member: { user, roles: origin.roles ?? [], permissions: origin.permissions ?? "2199023255551", joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
          authorizing_integration_owners: { "0": guildId },
          context: 0,
        }
      : { channel: { id: channelId, type: 1, recipients: [user] }, user, authorizing_integration_owners: { "1": user.id }, context: 1 };
    const interaction = {
      id: nextId(),
      application_id: IDS.app,
      type,
      token: `tok-${nextId()}`,
      version: 1,
      channel_id: channelId,
      ...where,
      data,
      locale: "en-US",
      guild_locale: "en-US",
      app_permissions: "2199023255551",
      entitlements: [],
      ...extra,
    };
    this.interactionTimes.set(interaction.id, { sentAt: Date.now() });
    this.dispatch("INTERACTION_CREATE", interaction);
    return interaction;
  }

  /** Events a user would cause. */
  slashCommand(name: string, options: SlashOption[], channelId = IDS.channel, extra: Origin & { sender?: Sender; attachments?: { id: string }[] } = {}) {
    const resolved = extra.attachments?.length ? { attachments: Object.fromEntries(extra.attachments.map((a) => [a.id, a])) } : undefined;
    const { sender, attachments: _attachments, ...origin } = extra;
    return this.interaction(2, channelId, { id: nextId(), name, type: 1, options, ...(resolved ? { resolved } : {}) }, {}, { ...origin, ...sender });
  }

  /** The user typing into an option marked autocomplete (the focused option carries `focused: true`). */
  autocomplete(name: string, options: SlashOption[], sender?: Sender) {
    return this.interaction(4, IDS.channel, { id: nextId(), name, type: 1, options }, {}, sender);
  }

  buttonClick(customId: string, message: { id: string; embeds?: unknown[] }, origin: Origin = {}) {
    return this.interaction(3, IDS.channel, { custom_id: customId, component_type: 2 }, {
      message: { ...this.message(IDS.channel, { embeds: message.embeds ?? [] }), id: message.id },
    }, origin);
  }

  userMessage(content: string, channelId = IDS.channel, mentionsBot = true, origin: Origin = {}) {
    const guildId = origin.guildId === undefined ? IDS.guild : origin.guildId;
    const message = {
      id: nextId(),
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId, member: { roles: origin.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } } : {}),
      author: { ...humanUser, ...origin.user },
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: mentionsBot ? [botUser] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
    };
    this.dispatch("MESSAGE_CREATE", message);
    return message;
  }
}

/** The real bot (discord.js client + handlers) logged in to a fresh fake Discord, as `npm start` wires it. */
export async function startBotOnFake(
  ctx: BotContext,
  options: AttachOptions = {},
): Promise<{ fake: FakeDiscord; client: Client; running: RunningBot; stop(): Promise<void> }> {
  const fake = await new FakeDiscord().start();
  const client = createClient({ apiUrl: fake.apiUrl });
  const running = attachBot(client, ctx, options);
  const ready = new Promise((r) => client.once("clientReady", r));
  await client.login("fake-token-for-tests");
  await ready;
  return {
    fake,
    client,
    running,
    async stop() {
      await running.drain(1000);
      await client.destroy();
      await fake.stop();
    },
  };
}

/** A handler context over `briefbot` (no cooldown, threads and votes in memory, a real reloader) that records logged errors for assertions. */
export function testContext(briefbot: Briefbot, errors: string[] = [], options: Partial<ContextOptions> = {}): BotContext {
  const ctx = createContext(briefbot, { cooldownSeconds: 0, log: (message, error) => errors.push(`${message}: ${String(error)}`), ...options });
  ctx.reload = reloader(ctx, () => {});
  return ctx;
}
