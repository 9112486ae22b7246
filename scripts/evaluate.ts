/**
 * Scores the pipeline against the hand-made labels in tests/fixtures/labels/, per bulletin:
 * precision, recall and F1 of article titles; story integrity (the share of the text found in
 * the article the labels say it belongs to) and coverage (the share found at all); furniture
 * lines left in articles. Then the same for the held-out layouts (src/eval/held-out.ts): the
 * table-of-contents seeds printed again as other extractors and publishers would.
 *   npx tsx scripts/evaluate.ts [--verbose] [--seeds-only]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HELD_OUT_LAYOUTS, heldOutBulletin } from '../src/eval/held-out.ts';
import { readLabelKey } from '../src/eval/labels.ts';
import { furnitureLinesOf, keyFromLabels, outsideLinesOf, storyIntegrity, type StoryIntegrity } from '../src/eval/story-integrity.ts';
import { titleF1, type F1 } from '../src/eval/title-f1.ts';
import { decodeBulletin } from '../src/ingest/decode.ts';
import { ingestBulletin } from '../src/ingest/pipeline.ts';

const verbose = process.argv.includes('--verbose');
const labelDir = 'tests/fixtures/labels';

const header = `${'bulletin'.padEnd(44)}found  labelled  precision  recall     F1  integrity  coverage  furniture  publication`;
function row(name: string, found: number, labelled: number, score: F1, story: StoryIntegrity, publication: string): void {
  const n = (x: number, w: number) => x.toFixed(3).padStart(w);
  console.log(`${name.padEnd(44)}${String(found).padStart(5)}${String(labelled).padStart(10)}${n(score.precision, 11)}${n(score.recall, 8)}${n(score.f1, 7)}${n(story.integrity, 11)}${n(story.coverage, 10)}${String(story.furnitureInBodies.length + story.outsideInBodies.length).padStart(11)}  ${publication}`);
  if (!verbose) return;
  for (const t of score.missed) console.log(`   missed: ${t}`);
  for (const t of score.extra) console.log(`   extra:  ${t}`);
  const spliced = new Map<string, number>();
  for (const m of story.misplaced) spliced.set(`${m.story} → in "${m.foundIn}"`, (spliced.get(`${m.story} → in "${m.foundIn}"`) ?? 0) + m.sentence.length);
  for (const [what, chars] of spliced) console.log(`   spliced: ${chars} characters of ${what}`);
  for (const l of story.lost.slice(0, 5)) console.log(`   lost:   [${l.story}] ${l.sentence.slice(0, 60)}`);
  for (const f of story.furnitureInBodies.slice(0, 5)) console.log(`   furniture in an article: ${f}`);
  for (const f of story.outsideInBodies.slice(0, 5)) console.log(`   back page in an article: ${f}`);
}

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
console.log(header);
for (const name of seeds) {
  const key = readLabelKey(labelDir, name);
  if (!key) continue;
  const bytes = readFileSync(join('seeds', name));
  const bulletin = ingestBulletin(name, bytes);
  const source = decodeBulletin(name, bytes).text;
  const score = titleF1(bulletin.articles.map((a) => a.title), key.articles.map((l) => l.title));
  const story = storyIntegrity(bulletin.articles, keyFromLabels(source, key), furnitureLinesOf(source, key), outsideLinesOf(source, key));
  row(name, bulletin.articles.length, key.articles.length, score, story, bulletin.meta.publication);
}
if (!process.argv.includes('--seeds-only')) {
  console.log(`\nheld-out layouts (a table-of-contents seed printed again, its TOC dropped; the key from its TOC)`);
  console.log(header);
  for (const name of seeds) {
    for (const layout of HELD_OUT_LAYOUTS) {
      const held = heldOutBulletin(name, readFileSync(join('seeds', name)), labelDir, layout);
      if (!held) continue;
      const bulletin = ingestBulletin(held.file, held.bytes);
      const score = titleF1(bulletin.articles.map((a) => a.title), held.key.map((s) => s.title));
      const story = storyIntegrity(bulletin.articles, held.key, held.furniture);
      row(`${name.slice(0, 3)} ${layout.name}`, bulletin.articles.length, held.key.length, score, story, heldOutPublication(bulletin, held.publication));
    }
  }
}

/**
 * The publication column of a held-out layout: "found" when the ingest read the running head's
 * name; "none printed" when the layout prints no running head (its cover went with the table of
 * contents, so nothing names the publication) and the ingest, rightly, named none; anything else
 * is a miss, shown with what was printed.
 */
function heldOutPublication(bulletin: { meta: { publication: string }; warnings: { kind: string }[] }, printed: string | null): string {
  const named = bulletin.warnings.every((w) => w.kind !== 'no-publication');
  if (printed === null) return named ? `${bulletin.meta.publication} (none printed)` : 'none printed';
  return bulletin.meta.publication === printed ? 'found' : `${bulletin.meta.publication} (printed: ${printed})`;
}
