import { describe, expect, it } from 'vitest';
import { makeIssuesUnique } from '../../src/ingest/unique-issues.ts';
import type { Bulletin } from '../../src/types.ts';

const bulletin = (source: string, issue: string): Bulletin => ({ meta: { issue, date: '2020-11-01', publication: 'p', source }, articles: [], warnings: [] });

describe('makeIssuesUnique', () => {
  it('numbers the later of two bulletins that would share an id, with a warning', () => {
    const a = bulletin('a.txt', '2020-11-p');
    const b = bulletin('b.txt', '2020-11-p');
    makeIssuesUnique([b, a], new Map());
    expect([a.meta.issue, b.meta.issue]).toEqual(['2020-11-p', '2020-11-p-2']);
    expect(b.warnings[0].message).toMatch(/taken by a\.txt/);
  });

  it('keeps an id a bulletin already owns in the output folder, and avoids ids others own', () => {
    const again = bulletin('a.txt', '2020-11-p');
    const newcomer = bulletin('c.txt', '2020-11-p');
    makeIssuesUnique([again, newcomer], new Map([['2020-11-p', 'a.txt']]));
    expect([again.meta.issue, newcomer.meta.issue]).toEqual(['2020-11-p', '2020-11-p-2']);
  });
});
