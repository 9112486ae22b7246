import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledBulletins, splitTitles, trainHeadlineModel } from '../../src/eval/headline-training.ts';
import { titleF1 } from '../../src/eval/title-f1.ts';
import { decodeBulletin } from '../../src/ingest/decode.ts';
import { normaliseLines } from '../../src/ingest/stages/normalise.ts';
import weights from '../../src/ingest/headlines/weights.json' with { type: 'json' };
import { reprintedAsPdf } from '../../src/eval/pdf-layout.ts';

const labelled = readLabelledBulletins('seeds', 'tests/fixtures/labels');
const withToc = labelled.filter((b) => normaliseLines(decodeBulletin(b.name, readFileSync(join('seeds', b.name)))).toc.length > 0);

// A table-of-contents bulletin printed again as a PDF extract, and split by weights trained
// without it (nor its own reprint), is a PDF-layout bulletin whose true headlines its TOC gives.
describe.each(withToc.map((b) => [b.name, b] as const))('%s printed as a PDF extract', (name, held) => {
  const original = normaliseLines(decodeBulletin(name, readFileSync(join('seeds', name))));
  const paragraphs = original.paragraphs.map((p) => p.text);
  const relaid = reprintedAsPdf(name, original);

  it('comes back as the same paragraphs, with the page furniture gone', () => {
    const back = new Set(relaid.paragraphs.map((p) => p.text));
    const kept = paragraphs.filter((p) => back.has(p)).length;
    expect(kept / paragraphs.length).toBeGreaterThanOrEqual(0.99);
    expect(relaid.paragraphs.some((p) => /^Page \d+$|询合作需要/.test(p.text))).toBe(false);
  });

  it('is split by a classifier that never saw it with title F1 of at least 0.95', () => {
    const model = { ...trainHeadlineModel(labelled.filter((b) => b !== held)), threshold: weights.threshold };
    const score = titleF1(splitTitles(name, relaid, model), held.labels.map((l) => l.title));
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
  });
});
