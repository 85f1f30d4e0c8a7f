import type { Answer } from "../core/answer/answer.js";
import type { Db } from "./storage/database.js";

export interface Exchange {
  asker: string;
  askerId: string;
  question: string;
  answer: Answer;
  at: Date;
}

/**
 * The questions and answers of each bot thread, for follow-ups and /digest. Kept in SQLite when
 * there is a database, so a restart or a second process sees every thread; in memory otherwise
 * (newest threads win). A write the database refuses (full disk) is logged once and the thread
 * goes on in memory rather than losing the exchange.
 */
export class Conversations {
  private readonly memory = new Map<string, Exchange[]>();
  private warned = false;

  constructor(
    private readonly db: Db | null = null,
    private readonly log: (message: string, error?: unknown) => void = () => {},
    private readonly maxThreads = 1000,
  ) {}

  has(threadId: string): boolean {
    return this.memory.has(threadId) || this.read(() => this.db?.prepare("SELECT 1 FROM threads WHERE thread_id = ?").get(threadId) !== undefined, false);
  }

  start(threadId: string): void {
    if (this.db && this.write(() => this.db!.prepare("INSERT OR IGNORE INTO threads (thread_id, started_at) VALUES (?, ?)").run(threadId, new Date().toISOString()))) return;
    if (!this.memory.has(threadId)) this.memory.set(threadId, []);
    if (this.memory.size > this.maxThreads) this.memory.delete(this.memory.keys().next().value!);
  }

  record(threadId: string, exchange: Exchange): void {
    const saved =
      this.db &&
      !this.memory.has(threadId) &&
      this.write(() =>
        this.db!.transaction(() => {
          this.db!.prepare("INSERT OR IGNORE INTO threads (thread_id, started_at) VALUES (?, ?)").run(threadId, exchange.at.toISOString());
          this.db!.prepare("INSERT INTO exchanges (thread_id, asker, asker_id, question, answer_json, at) VALUES (?, ?, ?, ?, ?, ?)").run(
            threadId,
            exchange.asker,
            exchange.askerId,
            exchange.question,
            JSON.stringify(exchange.answer),
            exchange.at.toISOString(),
          );
        })(),
      );
    if (saved) return;
    // Once a thread has an exchange only in memory, it stays there, so its order is never split.
    const kept = this.memory.get(threadId) ?? this.stored(threadId);
    this.memory.set(threadId, [...kept, exchange]);
    if (this.memory.size > this.maxThreads) this.memory.delete(this.memory.keys().next().value!);
  }

  history(threadId: string): string[] {
    return this.exchanges(threadId).map((e) => e.question);
  }

  exchanges(threadId: string): Exchange[] {
    return this.memory.get(threadId) ?? this.stored(threadId);
  }

  private stored(threadId: string): Exchange[] {
    if (!this.db) return [];
    const rows = this.read(
      () => this.db!.prepare("SELECT asker, asker_id, question, answer_json, at FROM exchanges WHERE thread_id = ? ORDER BY id").all(threadId) as Record<string, string>[],
      [],
    );
    return rows.map((r) => ({ asker: r.asker!, askerId: r.asker_id!, question: r.question!, answer: JSON.parse(r.answer_json!) as Answer, at: new Date(r.at!) }));
  }

  private write(action: () => unknown): boolean {
    try {
      action();
      return true;
    } catch (error) {
      if (!this.warned) this.log("could not save thread history to the database; keeping it in memory until restart", error);
      this.warned = true;
      return false;
    }
  }

  private read<T>(action: () => T, fallback: T): T {
    try {
      return action();
    } catch (error) {
      this.log("could not read thread history from the database", error);
      return fallback;
    }
  }
}
