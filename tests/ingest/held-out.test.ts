import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_LAYOUTS, heldOutBulletin } from '../../src/eval/held-out.ts';
import { storyIntegrity } from '../../src/eval/story-integrity.ts';
import { titleF1 } from '../../src/eval/title-f1.ts';
import { decodeBulletin } from '../../src/ingest/decode.ts';
import { ingestBulletin } from '../../src/ingest/pipeline.ts';
import { normaliseLines } from '../../src/ingest/stages/normalise.ts';

const seeds = join(import.meta.dirname, '../../seeds');
const labels = join(import.meta.dirname, '../fixtures/labels');

/** What a bulletin from an extractor or publisher never seen must reach: the bars. */
const BAR = { f1: 0.98, integrity: 0.99, coverage: 1 };

const cases = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((name) => HELD_OUT_LAYOUTS.map((layout) => [name, layout] as const))
  .map(([name, layout]) => ({ name, layout, held: heldOutBulletin(name, readFileSync(join(seeds, name)), labels, layout) }))
  .filter((c) => c.held !== null);

describe.each(cases.map((c) => [`${c.name.slice(0, 3)} printed with ${c.layout.name}`, c] as const))('%s', (_title, { held }) => {
  const bulletin = ingestBulletin(held!.file, held!.bytes);
  const story = storyIntegrity(bulletin.articles, held!.key, held!.furniture);

  it('splits into the stories its table of contents names', () => {
    const score = titleF1(bulletin.articles.map((a) => a.title), held!.key.map((s) => s.title));
    expect(score.f1, `missed ${score.missed.join(' | ')}; extra ${score.extra.join(' | ')}`).toBeGreaterThanOrEqual(BAR.f1);
  });

  it('leaves no running head or page number in any article', () => {
    expect(story.furnitureInBodies).toEqual([]);
  });

  // Without a running head the reprint names its publication nowhere (its cover went with the
  // table of contents): the ingest must then say so, not take a name from the stories.
  it('names the publication by its running head, or warns that none is printed', () => {
    const kinds = bulletin.warnings.map((w) => w.kind);
    if (held!.publication === null) expect(kinds).toContain('no-publication');
    else {
      expect(bulletin.meta.publication).toBe(held!.publication);
      expect(kinds).not.toContain('no-publication');
    }
  });

  it('keeps the gap between the two phrases of a two-part headline', () => {
    const squeeze = (t: string) => t.replace(/[\s\u3000]+/g, '');
    const twoPart = held!.key.map((s) => s.title).filter((t) => /[\u4e00-\u9fff”》] +[\u4e00-\u9fff“《]/.test(t));
    const titles = bulletin.articles.map((a) => a.title);
    for (const title of twoPart) {
      const found = titles.find((t) => squeeze(t) === squeeze(title));
      if (found) expect(found).toContain('\u3000');
    }
  });

  it('keeps every sentence, each in its own story', () => {
    expect(story.coverage, JSON.stringify(story.lost.slice(0, 3))).toBeGreaterThanOrEqual(BAR.coverage);
    expect(story.integrity, JSON.stringify(story.misplaced.slice(0, 3))).toBeGreaterThanOrEqual(BAR.integrity);
  });
});

describe.each(cases.map((c) => [`${c.name.slice(0, 3)} printed with ${c.layout.name}`, c] as const))('%s, as printed', (_title, { name, held }) => {
  it('holds no line of the cover of the seed, so only a running head can name the publication', () => {
    const cover = normaliseLines(decodeBulletin(name, readFileSync(join(seeds, name)))).cover;
    const printed = decodeBulletin(held!.file, held!.bytes).text;
    expect(cover.length).toBeGreaterThan(0);
    for (const line of cover) expect(printed.split('\n').map((l) => l.trim())).not.toContain(line);
    // Nor the name run together, wrapped anywhere in the body.
    expect(printed.replace(/\s/g, '')).not.toContain(cover.join('').replace(/\s/g, ''));
  });
});

it('has held-out layouts to test', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2 * HELD_OUT_LAYOUTS.length);
});
