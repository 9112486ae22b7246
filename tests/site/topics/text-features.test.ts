import { describe, expect, it } from 'vitest';
import { featureCounts, foldText } from '../../../src/site/topics/text-features.ts';
import { featuresByDefinition } from './support/features-by-definition.ts';

describe('featureCounts', () => {
  // Hanzi (one astral), Latin words, digits and punctuation, in invented texts.
  const alphabet = ['光', '子', '芯', '片', '港', '𠀀', '，', ' ', 'ai', 'open', 'ran', '5g', '。', '\n'];
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts = Array.from({ length: 300 }, () => foldText(Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')));

  it('counts the features of the plain definition, in the same order, one key per feature', () => {
    const keyOf = new Map<string, number | string>();
    const featureOf = new Map<number | string, string>();
    for (const text of texts) {
      const plain = [...featuresByDefinition(text)];
      const fast = [...featureCounts(text)];
      expect(fast.map(([, count]) => count)).toEqual(plain.map(([, count]) => count));
      plain.forEach(([feature], i) => {
        const key = fast[i]![0];
        expect(keyOf.get(feature) ?? key).toBe(key);
        expect(featureOf.get(key) ?? feature).toBe(feature);
        keyOf.set(feature, key);
        featureOf.set(key, feature);
      });
    }
    expect(keyOf.size).toBeGreaterThan(20);
  });
});
