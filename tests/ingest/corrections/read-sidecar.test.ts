import { describe, expect, it } from 'vitest';
import { isRealDate, readSidecar } from '../../../src/ingest/corrections/read-sidecar.ts';

const problems = (text: string): string => {
  try {
    readSidecar('seeds/a.yml', text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('readSidecar', () => {
  it('reads the bulletin keys and every kind of article correction', () => {
    const overrides = readSidecar(
      'seeds/a.yml',
      [
        'publication: 某某月报',
        'date: 2021-03-31',
        'issue: 2021-03-mm',
        'headlines:',
        '  - 某条被漏掉的标题',
        'not-headlines: [某条小标题]',
        'articles:',
        '  - match: 某市：谈下半场为时尚早   # a part of the story before it',
        '    merge-with-previous: true',
        '  - match: 某公司云市占率',
        '    title: 某公司云服务市场占有率达 32%',
        '    subtitle: ——第三季度报告发布',
        '    section: 企业情报',
        '  - match: 欢迎投稿',
        '    drop: true',
        '  - match: 某省发布行动计划',
        '    split-at: 二、重点任务',
      ].join('\n'),
    );
    expect(overrides).toEqual({
      publication: '某某月报',
      date: '2021-03-31',
      issue: '2021-03-mm',
      headlines: ['某条被漏掉的标题'],
      notHeadlines: ['某条小标题'],
      articles: [
        { match: '某市：谈下半场为时尚早', file: 'seeds/a.yml', line: 8, mergeWithPrevious: true },
        { match: '某公司云市占率', file: 'seeds/a.yml', line: 10, title: '某公司云服务市场占有率达 32%', subtitle: '——第三季度报告发布', section: '企业情报' },
        { match: '欢迎投稿', file: 'seeds/a.yml', line: 14, drop: true },
        { match: '某省发布行动计划', file: 'seeds/a.yml', line: 16, splitAt: '二、重点任务' },
      ],
    });
  });

  it('names the line, the likely key and the allowed keys for a misspelt key', () => {
    expect(problems('publication: 某某月报\ndatum: 2021-03-31\n')).toBe('seeds/a.yml:2: unknown key "datum" (did you mean "date"?)\n  → the keys allowed are publication, date, issue, headlines, not-headlines, articles');
    expect(problems('articles:\n  - match: 某条新闻标题\n    titel: 新标题\n')).toMatch(/^seeds\/a\.yml:3: unknown key "titel" in an articles item \(did you mean "title"\?\)\n  → the keys allowed in an articles item are match, merge-with-previous, title, subtitle, section, drop, split-at/);
  });

  it('rejects impossible dates as written, before YAML can roll them over', () => {
    expect(problems('date: 2021-02-30\n')).toMatch(/^seeds\/a\.yml:1: date "2021-02-30" is not a date that exists/);
    expect(problems('\ndate: 2021-13-45\n')).toMatch(/^seeds\/a\.yml:2: date "2021-13-45" is not a date that exists/);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
  });

  it('rejects an empty publication, wrong types and an unknown section, all at once', () => {
    const message = problems('publication: ""\nheadlines:\n  - a: b\narticles:\n  - match: 某条新闻标题\n    drop: yes please\n  - match: 另一条新闻标题\n    section: 体育\n');
    expect(message).toMatch(/seeds\/a\.yml:1: publication is empty/);
    expect(message).toMatch(/seeds\/a\.yml:2: headlines is not a list of lines/);
    expect(message).toMatch(/seeds\/a\.yml:6: drop is "yes please", not true or false/);
    expect(message).toMatch(/seeds\/a\.yml:8: section "体育" is not one of the sections\n  → use one of 产业环境, 运营竞争, 技术情报, 企业情报, 海外借鉴/);
  });

  it('rejects an articles item with nothing to do, and one without match', () => {
    expect(problems('articles:\n  - match: 某条新闻标题\n')).toMatch(/seeds\/a\.yml:2: the articles item for "某条新闻标题" says nothing to do/);
    expect(problems('articles:\n  - drop: true\n')).toMatch(/seeds\/a\.yml:2: an articles item has no match/);
  });

  it('names the true line of a repeated key, in the location and in the message', () => {
    const message = problems('publication: 某某周报\ndate: 2021-03-31\ndate: 2021-04-30\n');
    expect(message).toMatch(/^seeds\/a\.yml:3: not valid YAML \(duplicated mapping key at line 3,/);
  });

  it('reads a file that opens with the YAML document marker ---, keeping its keys and true lines', () => {
    expect(readSidecar('seeds/a.yml', '---\npublication: 某某周报\ndate: 2021-03\n')).toMatchObject({ publication: '某某周报', date: '2021-03' });
    expect(problems('---\npublication: 某某周报\ndatum: 2021-03-31\n')).toMatch(/^seeds\/a\.yml:3: unknown key "datum"/);
    expect(problems('---\npublication: 某某周报\ndate: 2021-03-31\ndate: 2021-04-30\n')).toMatch(/^seeds\/a\.yml:4: not valid YAML \(duplicated mapping key at line 4,/);
  });

  it('names the true line of a bad indent on the last line of the file', () => {
    const message = problems('publication: 某某周报\ndate: 2021-03-31\nheadlines:\n  - 某地发布新规\n    title: 多余的缩进\n');
    expect(message).toMatch(/^seeds\/a\.yml:5: not valid YAML \([^)]*line 5,/);
  });

  it('suggests the key meant for a misspelt, cut-short or differently written key inside an articles item', () => {
    const message = problems('articles:\n  - match: 某地发布新规\n    merge-with-prev: true\n  - match: 某企业推出新品\n    split_at: 二、某项任务\n');
    expect(message).toMatch(/seeds\/a\.yml:3: unknown key "merge-with-prev" in an articles item \(did you mean "merge-with-previous"\?\)/);
    expect(message).toMatch(/seeds\/a\.yml:5: unknown key "split_at" in an articles item \(did you mean "split-at"\?\)/);
  });

  it('reports a misspelt match once, with its suggestion, not again as a missing match', () => {
    const message = problems('articles:\n  - macth: 某地发布新规\n    drop: true\n');
    expect(message).toMatch(/unknown key "macth" in an articles item \(did you mean "match"\?\)/);
    expect(message).not.toMatch(/has no match/);
  });

  it('names the line of broken YAML', () => {
    expect(problems('date: 2021-03-31\narticles: [\n')).toMatch(/^seeds\/a\.yml(:\d+)?: not valid YAML/);
  });
});
