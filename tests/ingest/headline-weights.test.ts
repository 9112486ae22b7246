import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/ingest/headline-features.ts';
import weights from '../../src/ingest/headline-weights.json' with { type: 'json' };

describe('the learned headline weights', () => {
  it('were trained on the features the classifier computes now (retrain with scripts/train-headlines.ts --write)', () => {
    expect(weights.features).toEqual([...FEATURE_NAMES]);
    expect(weights.weights).toHaveLength(FEATURE_NAMES.length);
  });
});
