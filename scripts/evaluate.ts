/**
 * Scores the article splitting against the hand-made labels in tests/fixtures/labels/:
 * precision, recall and F1 of article titles per bulletin, with what was missed and extra.
 *   npx tsx scripts/evaluate.ts [--verbose]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readLabels } from '../src/eval/labels.ts';
import { titleF1 } from '../src/eval/title-f1.ts';
import { ingestBulletin } from '../src/ingest/pipeline.ts';

const verbose = process.argv.includes('--verbose');
console.log('bulletin                    found  labelled  precision  recall  F1');
for (const name of readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()) {
  const labels = readLabels('tests/fixtures/labels', name);
  if (!labels) continue;
  const bulletin = ingestBulletin(name, readFileSync(join('seeds', name)));
  const score = titleF1(bulletin.articles.map((a) => a.title), labels.map((l) => l.title));
  console.log(`${name.padEnd(28)}${String(bulletin.articles.length).padStart(5)}${String(labels.length).padStart(10)}${score.precision.toFixed(3).padStart(11)}${score.recall.toFixed(3).padStart(8)}${score.f1.toFixed(3).padStart(7)}`);
  if (verbose) {
    for (const t of score.missed) console.log(`   missed: ${t}`);
    for (const t of score.extra) console.log(`   extra:  ${t}`);
  }
}
