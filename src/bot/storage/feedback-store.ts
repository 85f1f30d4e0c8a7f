import type { Db } from "./database.js";

export interface Vote {
  at: string;
  user: string;
  vote: "up" | "down";
  question: string;
  messageId: string;
}

/** What happened to a vote, so the voter is told the truth. */
export type VoteOutcome = "recorded" | "changed" | "unchanged" | "kept-in-memory" | "not-saved";

/** 👍/👎 on answers: one vote per user per answer (a new vote replaces the old one). */
export interface FeedbackStore {
  record(vote: Vote): VoteOutcome;
  votes(): Vote[];
}

/** Votes when there is no database (its folder could not be written): counted, but only until the bot restarts. */
export class MemoryFeedback implements FeedbackStore {
  private readonly byKey = new Map<string, Vote>();

  record(vote: Vote): VoteOutcome {
    const key = `${vote.messageId}:${vote.user}`;
    const previous = this.byKey.get(key);
    this.byKey.set(key, vote);
    if (this.byKey.size > 100_000) this.byKey.delete(this.byKey.keys().next().value!);
    return previous?.vote === vote.vote ? "unchanged" : "kept-in-memory";
  }

  votes(): Vote[] {
    return [...this.byKey.values()];
  }
}

export class SqliteFeedback implements FeedbackStore {
  constructor(
    private readonly db: Db,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  record(vote: Vote): VoteOutcome {
    try {
      return this.db.transaction((): VoteOutcome => {
        const previous = this.db.prepare("SELECT vote FROM votes WHERE message_id = ? AND user_id = ?").get(vote.messageId, vote.user) as { vote: string } | undefined;
        if (previous?.vote === vote.vote) return "unchanged";
        this.db
          .prepare("INSERT INTO votes (message_id, user_id, vote, question, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at")
          .run(vote.messageId, vote.user, vote.vote, vote.question, vote.at);
        return previous ? "changed" : "recorded";
      })();
    } catch (error) {
      // A full disk or a broken file: the voter is told it was not saved; the vote itself is in the log.
      this.log(`could not save the ${vote.vote} vote of ${vote.user} on message ${vote.messageId} (“${vote.question}”)`, error);
      return "not-saved";
    }
  }

  votes(): Vote[] {
    return (this.db.prepare("SELECT message_id, user_id, vote, question, at FROM votes ORDER BY at").all() as Record<string, string>[]).map((r) => ({
      messageId: r.message_id!,
      user: r.user_id!,
      vote: r.vote as Vote["vote"],
      question: r.question!,
      at: r.at!,
    }));
  }
}
