/** A plain logistic regression: small, deterministic, and enough for a dozen features. */
export interface LogisticModel {
  weights: number[];
  bias: number;
}

export function predict(model: LogisticModel, x: number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Full-batch gradient descent with L2; classes balanced so rare headlines are not ignored.
 * Features are standardised while learning, so that one measured in hundredths (a cosine)
 * is not held back by the penalty more than a 0/1 flag; the weights returned apply to the
 * raw features.
 */
export function trainLogistic(raw: { x: number[]; y: number }[], epochs = 3000, rate = 0.5, l2 = 0.01): LogisticModel {
  const dims = raw[0]?.x.length ?? 0;
  const mean = Array.from({ length: dims }, (_, i) => raw.reduce((s, r) => s + r.x[i], 0) / raw.length);
  const spread = mean.map((m, i) => Math.sqrt(raw.reduce((s, r) => s + (r.x[i] - m) ** 2, 0) / raw.length) || 1);
  const samples = raw.map((r) => ({ y: r.y, x: r.x.map((v, i) => (v - mean[i]) / spread[i]) }));
  const model: LogisticModel = { weights: new Array(dims).fill(0), bias: 0 };
  const positives = samples.filter((s) => s.y === 1).length;
  const weightOf = (y: number) => (y === 1 ? Math.sqrt(samples.length / (2 * positives)) : 1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array(dims).fill(0);
    let gradBias = 0;
    for (const { x, y } of samples) {
      const error = (predict(model, x) - y) * weightOf(y);
      for (let i = 0; i < dims; i++) grad[i] += error * x[i];
      gradBias += error;
    }
    for (let i = 0; i < dims; i++) model.weights[i] -= rate * (grad[i] / samples.length + l2 * model.weights[i]);
    model.bias -= (rate * gradBias) / samples.length;
  }
  const weights = model.weights.map((w, i) => w / spread[i]);
  return { weights, bias: model.bias - weights.reduce((s, w, i) => s + w * mean[i], 0) };
}
