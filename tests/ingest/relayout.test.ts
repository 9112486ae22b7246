import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledBulletins, trainHeadlineModel } from '../../src/eval/headline-training.ts';
import { titleF1 } from '../../src/eval/title-f1.ts';
import { decodeBulletin } from '../../src/ingest/decode.ts';
import { findStructure } from '../../src/ingest/find-structure.ts';
import { normaliseLines } from '../../src/ingest/normalise.ts';
import weights from '../../src/ingest/headline-weights.json' with { type: 'json' };
import { printAsPdfExtract } from '../../src/eval/pdf-layout.ts';

const labelled = readLabelledBulletins('seeds', 'tests/fixtures/labels');
const withToc = labelled.filter((b) => normaliseLines(decodeBulletin(b.name, readFileSync(join('seeds', b.name)))).toc.length > 0);

// A table-of-contents bulletin, printed again as a PDF extract and split by weights trained
// without it, is a bulletin in a layout it was never seen in, whose true headlines its TOC gives.
describe.each(withToc.map((b) => [b.name, b] as const))('%s printed as a PDF extract', (name, held) => {
  const paragraphs = normaliseLines(decodeBulletin(name, readFileSync(join('seeds', name)))).paragraphs.map((p) => p.text);
  const relaid = normaliseLines(decodeBulletin(`relaid-${name}`, Buffer.from(printAsPdfExtract(paragraphs, '2020.03.01'))));

  it('comes back as the same paragraphs, with the page furniture gone', () => {
    const back = new Set(relaid.paragraphs.map((p) => p.text));
    const kept = paragraphs.filter((p) => back.has(p)).length;
    expect(kept / paragraphs.length).toBeGreaterThanOrEqual(0.99);
    expect(relaid.paragraphs.some((p) => /^Page \d+$|询合作需要/.test(p.text))).toBe(false);
  });

  it('is split by a classifier that never saw it with title F1 of at least 0.9', () => {
    const model = { ...trainHeadlineModel(labelled.filter((b) => b !== held)), threshold: weights.threshold };
    const structure = findStructure(relaid, model);
    const score = titleF1(structure.headlines.map((i) => structure.paragraphs[i].text), held.labels.map((l) => l.title));
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
  });
});
