import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestBulletin } from '../../src/ingest/pipeline.ts';
import { bulletinFiles } from '../../src/ingest/to-markdown.ts';

const dir = join(import.meta.dirname, '../fixtures/ingest');
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt'));

/** Every article of a fixture, as the files ingest would write, concatenated for review in one diff. */
function render(name: string): string {
  const bulletin = ingestBulletin(name, readFileSync(join(dir, name)));
  return bulletinFiles(bulletin)
    .map((file) => `<!-- ${file.path} -->\n${file.content}`)
    .join('\n');
}

describe('golden files (regenerate with UPDATE=1, review the diff)', () => {
  for (const name of cases) {
    it(`ingests ${name} into the reviewed Markdown`, () => {
      const expectedFile = join(dir, name.replace(/\.txt$/, '.md'));
      const actual = render(name);
      if (process.env.UPDATE) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
