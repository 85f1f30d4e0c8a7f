import type { Answer } from "../core/answer/answer.js";

export interface Exchange {
  asker: string;
  question: string;
  answer: Answer;
  at: Date;
}

/** The questions and answers of each bot thread, for follow-ups and /digest (kept in memory, newest threads win). */
export class Conversations {
  private readonly threads = new Map<string, Exchange[]>();
  constructor(private readonly maxThreads = 1000) {}

  has(threadId: string): boolean {
    return this.threads.has(threadId);
  }

  start(threadId: string): void {
    if (!this.threads.has(threadId)) this.threads.set(threadId, []);
    if (this.threads.size > this.maxThreads) this.threads.delete(this.threads.keys().next().value!);
  }

  record(threadId: string, exchange: Exchange): void {
    this.start(threadId);
    this.threads.get(threadId)!.push(exchange);
  }

  history(threadId: string): string[] {
    return (this.threads.get(threadId) ?? []).map((e) => e.question);
  }

  exchanges(threadId: string): Exchange[] {
    return this.threads.get(threadId) ?? [];
  }
}
