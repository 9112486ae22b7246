import { describe, expect, it } from 'vitest';
import { checkArticles, type CheckInput } from '../../../src/ingest/stages/check-articles.ts';
import type { Article, IngestWarning } from '../../../src/types.ts';

const filler = (n: number) => '这是一段用来凑足长度的正文，内容完整。'.repeat(n);
const story = (title: string, paragraphs: string[], extra: Partial<Article> = {}): Article => ({
  title,
  section: '产业环境',
  sectionInferred: false,
  order: 1,
  line: 10,
  blocks: paragraphs.map((text, i) => ({ type: 'paragraph', text, line: 11 + i })),
  ...extra,
});
const typical = (n: number) => story(`某地第${n}条新闻标题`, [filler(6)]);

function check(articles: Article[], extra: Partial<CheckInput> = {}): IngestWarning[] {
  return checkArticles({
    file: 'seeds/a.txt',
    articles,
    structure: { paragraphs: [], kinds: [] },
    meta: { issue: '2021-03-x', date: '2021-03-01', publication: '示范月报', source: 'seeds/a.txt' },
    missing: { date: false, publication: false },
    earlier: [],
    ...extra,
  });
}
const kinds = (warnings: IngestWarning[]) => warnings.map((w) => w.kind);

describe('checkArticles', () => {
  it('says nothing about a bulletin of well-formed articles', () => {
    expect(check([typical(1), typical(2), typical(3), typical(4)])).toEqual([]);
  });

  it('flags an inferred section with the correction that files it by hand', () => {
    const [w] = check([typical(1), story('某公司发布新一代产品', [filler(6)], { sectionInferred: true, section: '企业情报' })]);
    expect(w).toMatchObject({ kind: 'section-inferred', line: 10, correction: 'articles:\n  - match: 某公司发布新一代产品\n    section: 企业情报' });
  });

  it('flags an article far shorter, or far longer, than the others of its bulletin', () => {
    const warnings = check([typical(1), typical(2), story('短短的一条', ['很短。']), typical(3), story('长长的一条', [filler(200)])]);
    expect(warnings.find((w) => w.kind === 'article-short')?.correction).toBe('articles:\n  - match: 短短的一条\n    merge-with-previous: true');
    expect(kinds(warnings)).toContain('article-long');
  });

  it('flags an article that opens mid-thought', () => {
    const warnings = check([typical(1), story('加快推进产业升级', ['三是加强人才培养，完善配套政策。'])]);
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'opens-mid-thought', line: 11, correction: 'articles:\n  - match: 加快推进产业升级\n    merge-with-previous: true' }));
  });

  it('flags an article that ends without closing punctuation, suggesting the next goes on from it', () => {
    const warnings = check([story('某地推进数字经济', ['某地表示将继续推进']), story('某地第二条新闻', [filler(2)])]);
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'ends-unpunctuated', line: 11, correction: 'articles:\n  - match: 某地第二条新闻\n    merge-with-previous: true' }));
  });

  it('warns that the bulletin was cut when its last article ends mid-sentence', () => {
    expect(kinds(check([typical(1), story('最后一条新闻', ['文件在这里被截断了，只剩下半'])]))).toContain('bulletin-cut');
  });

  it('warns that the bulletin was cut when its text stops on a headline-shaped fragment with no body', () => {
    const first = story('某市发布智慧交通建设方案', [filler(6)], { line: 10, blocks: [{ type: 'paragraph', text: filler(6), line: 11 }] });
    const second = story('某省推进数据要素市场建设', [filler(6)], { line: 20, blocks: [{ type: 'paragraph', text: filler(6), line: 21 }] });
    const fragment = story('专家表示，在数据安全领域，使用新的技术可', [], { line: 30 });
    const warnings = check([first, second, typical(3), fragment].map((a, i) => ({ ...a, order: i + 1 })));
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'bulletin-cut', line: 30 }));
  });

  it('judges the last line of the text wherever it landed, not the last article\'s last block', () => {
    // Reordered stories: the last article ends well, but the source's last line closes another.
    const early = story('某地建成新一代数据中心', [filler(6), '该中心将服务于周边的'], { line: 40, blocks: [{ type: 'paragraph', text: filler(6), line: 41 }, { type: 'paragraph', text: '该中心将服务于周边的', line: 90 }] });
    const late = story('某企业发布年度报告', [filler(6)], { line: 50, blocks: [{ type: 'paragraph', text: filler(6), line: 51 }] });
    expect(check([early, late])).toContainEqual(expect.objectContaining({ kind: 'bulletin-cut', line: 90 }));
  });

  it('does not take a closing book-title mark or bracket for the end of a sentence', () => {
    expect(kinds(check([typical(1), story('某部门出台新规', ['该部门近日正式印发了《数据管理指南》'])]))).toContain('bulletin-cut');
    expect(kinds(check([typical(1), story('某部门出台新规', ['该部门近日正式印发了管理办法（试行）'])]))).toContain('bulletin-cut');
    expect(kinds(check([typical(1), story('某部门出台新规', ['该部门近日正式印发了《数据管理指南》。'])]))).not.toContain('bulletin-cut');
    expect(kinds(check([typical(1), story('某部门出台新规', ['他说：“这份指南来得正是时候。”'])]))).not.toContain('bulletin-cut');
  });

  it('flags a source credit in the middle of an article, with a split at the story after it', () => {
    const warnings = check([typical(1), story('某两条新闻被拼在一起', ['第一条新闻的正文。', '来源：某某日报', '第二条新闻的开头。'])]);
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'credit-mid-article', line: 12, correction: 'articles:\n  - match: 某两条新闻被拼在一起\n    split-at: 第二条新闻的开头。' }));
  });

  it('flags text that is in no article', () => {
    const paragraphs = [{ text: '某地第1条新闻标题', line: 10 }, { text: filler(6), line: 11 }, { text: '一段无处安放的文字', line: 40 }];
    const warnings = check([typical(1)], { structure: { paragraphs, kinds: ['heading', 'prose', 'prose'] } });
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'text-unplaced', line: 40 }));
  });

  it('flags a missing date and publication, and an implausible number of articles', () => {
    const warnings = check([typical(1)], { missing: { date: true, publication: true } });
    expect(kinds(warnings)).toEqual(['no-date', 'no-publication', 'article-count']);
    expect(warnings[0].correction).toMatch(/^date: YYYY-MM-DD/);
  });

  it('adds the ready-to-paste correction to the close calls an earlier stage raised', () => {
    const earlier: IngestWarning[] = [{ kind: 'close-call', file: 'seeds/a.txt', line: 5, message: 'close call: "某个小标题" was taken for a headline (score 0.5, cut 0.41)' }];
    expect(check([typical(1), typical(2)], { earlier })[0].correction).toBe('not-headlines:\n  - 某个小标题');
  });
});
