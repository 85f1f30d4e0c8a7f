/**
 * Answers of a pure function of a word (or of a sentence), kept up to a bound: a corpus asks about a few thousand
 * words over and over, and a flood of distinct ones (questions, a huge brief) starts it afresh
 * instead of growing it without end.
 */
export class BoundedMemo<K, V> {
  private readonly answers = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The remembered answer for `key`, or `compute(key)`, remembered. */
  get(key: K, compute: (key: K) => V): V {
    let value = this.answers.get(key);
    if (value === undefined) {
      if (this.answers.size >= this.max) this.answers.clear();
      value = compute(key);
      this.answers.set(key, value);
    }
    return value;
  }
}
