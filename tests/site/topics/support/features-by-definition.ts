/**
 * Features for content similarity by their definition: every pair of neighbouring hanzi as a
 * two-character string, then every Latin word of two or more characters, with their counts, in
 * the order first met. featureCounts (src/site/topics/text-features.ts) is tested against it.
 */
export function featuresByDefinition(folded: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const [run] of folded.matchAll(/[\p{Script=Han}]+/gu)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!);
  }
  for (const [word] of folded.matchAll(/[a-z0-9][a-z0-9.+-]*[a-z0-9]|[a-z0-9]/g)) if (word.length > 1) add(word);
  return counts;
}
