import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

/** Schema steps in order; a database at user_version n runs steps n+1… once, in one transaction each. */
const MIGRATIONS: string[] = [
  `CREATE TABLE threads (thread_id TEXT PRIMARY KEY, started_at TEXT NOT NULL);
   CREATE TABLE exchanges (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_id TEXT NOT NULL REFERENCES threads(thread_id),
     asker TEXT NOT NULL,
     asker_id TEXT NOT NULL,
     question TEXT NOT NULL,
     answer_json TEXT NOT NULL,
     at TEXT NOT NULL);
   CREATE INDEX exchanges_by_thread ON exchanges(thread_id, id);
   CREATE TABLE votes (
     message_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     question TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (message_id, user_id));`,
];

export function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/**
 * Opens (creating if needed) the bot's one SQLite file: thread history and votes, shared safely by
 * a restart or a second process (WAL, busy timeout). Returns null with a warning when the folder or
 * file cannot be written, so the bot still serves, keeping that state in memory.
 */
export function openDatabase(file: string, log: (message: string, error?: unknown) => void): Db | null {
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return db;
  } catch (error) {
    log(`cannot use the database ${file}; thread history and votes are kept in memory only until restart`, error);
    return null;
  }
}
