/**
 * Two-class logistic regression with an intercept, L2 penalty and standardised inputs, fitted by
 * gradient descent: the whole of what the refusal model needs, small enough to read in one go.
 */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  intercept: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(x: number[][], y: number[], options: { l2?: number; steps?: number; rate?: number } = {}): LogisticFit {
  const l2 = options.l2 ?? 0.1;
  const steps = options.steps ?? 4000;
  const rate = options.rate ?? 0.1;
  const d = x[0]?.length ?? 0;
  const n = x.length;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / Math.max(1, n));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, n)) || 1);
  const z = x.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const weights = new Array<number>(d).fill(0);
  let intercept = 0;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradIntercept = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(intercept + z[i]!.reduce((s, v, j) => s + v * weights[j]!, 0));
      const err = p - y[i]!;
      gradIntercept += err;
      for (let j = 0; j < d; j++) grad[j]! += err * z[i]![j]!;
    }
    intercept -= (rate * gradIntercept) / n;
    for (let j = 0; j < d; j++) weights[j]! -= rate * (grad[j]! / n + l2 * weights[j]!);
  }
  return { mean, scale, weights, intercept };
}

export function predictLogistic(fit: LogisticFit, row: number[]): number {
  return sigmoid(fit.intercept + row.reduce((s, v, j) => s + fit.weights[j]! * ((v - fit.mean[j]!) / (fit.scale[j]! || 1)), 0));
}
