/**
 * Learns the weights of the headline classifier used for bulletins without a table of
 * contents, from bulletins whose headlines are labelled (tests/fixtures/labels/), and prints
 * leave-one-bulletin-out title F1, so the figure reported is one measured on input the
 * weights never saw. Bulletins with a table of contents are read as if they had none.
 *   npx tsx scripts/train-headlines.ts [--write]
 */
import { writeFileSync } from 'node:fs';
import { leaveOneOut, readLabelledBulletins, trainHeadlineModel } from '../src/eval/headline-training.ts';
import { FEATURE_NAMES } from '../src/ingest/headlines/features.ts';

// Chosen by the mean leave-one-out F1 over the labelled bulletins (0.984 from 0.33 to 0.36, 0.982
// at 0.30 and at 0.38 to 0.41); THRESHOLD tries another.
const threshold = Number(process.env.THRESHOLD ?? 0.35);
const bulletins = readLabelledBulletins('seeds', 'tests/fixtures/labels');
const scores = leaveOneOut(bulletins, threshold);
for (const { name, score } of scores) {
  console.log(`held out ${name}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}, F1 ${score.f1.toFixed(3)}`);
}
console.log(`mean leave-one-out F1 ${(scores.reduce((sum, s) => sum + s.score.f1, 0) / scores.length).toFixed(3)}`);
const model = trainHeadlineModel(bulletins);
console.log(Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, +model.weights[i].toFixed(3)])), 'bias', model.bias.toFixed(3));
if (process.argv.includes('--write')) {
  writeFileSync('src/ingest/headlines/weights.json', JSON.stringify({ features: FEATURE_NAMES, weights: model.weights.map((w) => +w.toFixed(4)), bias: +model.bias.toFixed(4), threshold }, null, 2) + '\n');
  console.log('wrote src/ingest/headlines/weights.json');
}
