import model from "./refusal-model.json" with { type: "json" };

/** What the refusal model reads about the best answer found (see `answerFeatures`). */
export interface AnswerFeatures {
  similarity: number;
  coverage: number;
  subject: number;
  relation: number;
  missing: number;
  answerType: number;
  margin: number;
  /** Share of the question's other words in the best sentence or the one after it. */
  relationNext: number;
  /** Whether the quote counts what a "how many X" question counts (see focusEvidence). */
  focus: number;
  /** Whether the quote plainly holds the asked-for kind of answer (see answerPresent). */
  present: number;
  /** The question asks for a particular kind of answer (a figure, a date, a place, a name) and the quote has none: 1, else 0. */
  typedAbsent: number;
}

export const FEATURE_NAMES: (keyof AnswerFeatures)[] = ["similarity", "coverage", "subject", "relation", "missing", "answerType", "margin", "relationNext", "focus", "present", "typedAbsent"];

export interface RefusalModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  intercept: number;
  /** Answer when the probability is at least this (chosen on the development set). */
  threshold: number;
}

const fitted = model as RefusalModel;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(m: RefusalModel, f: AnswerFeatures): number {
  let z = m.intercept;
  FEATURE_NAMES.forEach((name, i) => {
    z += m.weights[i]! * ((f[name] - m.mean[i]!) / (m.scale[i]! || 1));
  });
  return sigmoid(z);
}

/**
 * The probability that the best quote answers the question, from a logistic regression fitted by
 * `npm run calibrate` on labelled questions, rescaled so that 0.5 is the chosen threshold. With
 * calibration switched off (ablation), a plain similarity threshold stands in.
 */
export function answerProbability(f: AnswerFeatures, uncalibrated = false, m: RefusalModel = fitted): number {
  if (uncalibrated) return f.similarity >= 0.35 ? 0.75 : 0.25;
  const p = probability(m, f);
  // Map the fitted threshold to 0.5 so callers compare against one number.
  return p >= m.threshold ? 0.5 + (0.5 * (p - m.threshold)) / (1 - m.threshold || 1) : (0.5 * p) / (m.threshold || 1);
}
