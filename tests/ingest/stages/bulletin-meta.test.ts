import { describe, expect, it } from 'vitest';
import { initials, readBulletinMeta } from '../../../src/ingest/stages/bulletin-meta.ts';
import type { NormalisedText } from '../../../src/types.ts';

function text(parts: Partial<NormalisedText & { cover: string[] }>): NormalisedText & { cover: string[] } {
  return { file: 'x.txt', paragraphs: [], toc: [], furniture: [], overrides: {}, cover: [], ...parts };
}
const para = (t: string) => ({ text: t, line: 1, short: false });

describe('readBulletinMeta', () => {
  it('takes the date from the page footer and the publication from the running head', () => {
    const meta = readBulletinMeta(text({ furniture: ['信息产业监测', '©2020 未经同意不得转载 2020.11.26', 'Page 3'] }), 'x.txt');
    expect(meta).toMatchObject({ date: '2020-11-26', publication: '信息产业监测', issue: '2020-11-xxcyjc' });
  });

  it('takes the publication from the cover and the month from the dates the articles give', () => {
    const meta = readBulletinMeta(text({ cover: ['行业信息监测', '信息产业篇'], paragraphs: [para('2019年9月1日起施行。'), para('2020年，3月25日举行发布会。2020年目标明确。'), para('3月10日，某公司发布。')] }), 'x.txt');
    expect(meta.publication).toBe('行业信息监测信息产业篇');
    expect(meta.date).toBe('2020-03-01');
  });

  it('names the publication by its running head before its cover: the head repeats it on every page', () => {
    const meta = readBulletinMeta(text({ cover: ['某某研究院', '内部资料'], furniture: ['某某产业周刊', '— 3 —', '某某产业周刊'] }), 'x.txt');
    expect(meta.publication).toBe('某某产业周刊');
  });

  it('falls back to a year and month in the file name', () => {
    expect(readBulletinMeta(text({}), 'bulletin-2021-05.txt').date).toBe('2021-05-01');
  });

  it('lets front matter override publication, date and issue', () => {
    const meta = readBulletinMeta(text({ overrides: { publication: '信息月报', date: '2020-11', issue: 'special' } }), 'x.txt');
    expect(meta).toMatchObject({ publication: '信息月报', date: '2020-11-01', issue: 'special' });
  });

  it('makes short ASCII ids from Chinese publication names', () => {
    expect(initials('信息月报')).toBe('xxyb');
  });
});
