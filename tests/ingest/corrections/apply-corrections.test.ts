import { describe, expect, it } from 'vitest';
import { applyArticleCorrections } from '../../../src/ingest/corrections/apply-corrections.ts';
import type { Article, ArticleCorrection } from '../../../src/types.ts';

const story = (title: string, ...paragraphs: string[]): Article => ({
  title,
  section: '产业环境',
  sectionInferred: false,
  order: 0,
  line: 1,
  blocks: paragraphs.map((text, i) => ({ type: 'paragraph', text, line: 2 + i })),
});

const articles = () => [
  story('某市推进数字经济发展', '某市出台措施。'),
  story('谈下半场为时尚早', '专家认为仍需努力。'),
  story('某省发布行动计划', '计划提出目标。', '二、重点任务', '任务包括建设网络。'),
  story('欢迎投稿', '来稿请寄编辑部。'),
];

const correct = (c: Omit<ArticleCorrection, 'file' | 'line'>) => applyArticleCorrections(articles(), [{ file: 'a.yml', line: 7, ...c }]);

describe('applyArticleCorrections', () => {
  it('merges an article into the one before it, keeping its headline as a subheading', () => {
    const { articles: out, warnings } = correct({ match: '谈下半场', mergeWithPrevious: true });
    expect(warnings).toEqual([]);
    expect(out.map((a) => a.title)).toEqual(['某市推进数字经济发展', '某省发布行动计划', '欢迎投稿']);
    expect(out[0].blocks.map((b) => ('text' in b ? b.text : ''))).toEqual(['某市出台措施。', '谈下半场为时尚早', '专家认为仍需努力。']);
    expect(out.map((a) => a.order)).toEqual([1, 2, 3]);
  });

  it('renames an article, sets its subtitle and section, and keeps the title its URL was made from', () => {
    const [first] = correct({ match: '某市推进', title: '某市数字经济规模突破万亿', subtitle: '——年度报告发布', section: '企业情报' }).articles;
    expect(first).toMatchObject({ title: '某市数字经济规模突破万亿', subtitle: '——年度报告发布', section: '企业情报', sectionInferred: false, urlTitle: '某市推进数字经济发展' });
  });

  it('drops an article', () => {
    expect(correct({ match: '欢迎投稿', drop: true }).articles.map((a) => a.title)).not.toContain('欢迎投稿');
  });

  it('splits an article at a line inside it, which becomes the new story’s title', () => {
    const out = correct({ match: '某省发布', splitAt: '二、重点任务' }).articles;
    expect(out.map((a) => a.title)).toEqual(['某市推进数字经济发展', '谈下半场为时尚早', '某省发布行动计划', '二、重点任务', '欢迎投稿']);
    expect(out[2].blocks).toHaveLength(1);
    expect(out[3].blocks.map((b) => ('text' in b ? b.text : ''))).toEqual(['任务包括建设网络。']);
  });

  it('finds an article by its opening words too', () => {
    expect(correct({ match: '来稿请寄编辑部', drop: true }).articles).toHaveLength(3);
  });

  it('reports a correction that matches nothing or several articles with its line, and changes nothing', () => {
    const none = correct({ match: '不存在的标题', drop: true });
    expect(none.articles.map((a) => a.title)).toEqual(articles().map((a) => a.title));
    expect(none.warnings).toEqual([expect.objectContaining({ kind: 'correction-unmatched', file: 'a.yml', line: 7, message: expect.stringMatching(/"不存在的标题" matches no article; nothing was changed/) })]);
    const several = applyArticleCorrections([story('某地发布新规甲', '甲。'), story('某地发布新规乙', '乙。')], [{ file: 'a.yml', line: 3, match: '某地发布新规', drop: true }]);
    expect(several.articles).toHaveLength(2);
    expect(several.warnings[0].message).toMatch(/matches 2 articles/);
  });

  it('reports a match too short to tell as too short, not as matching no article, though it opens several', () => {
    const out = applyArticleCorrections([story('某地发布新规甲', '甲。'), story('某地推进改革', '乙。')], [{ file: 'a.yml', line: 4, match: '某地', drop: true }]);
    expect(out.articles).toHaveLength(2);
    expect(out.warnings).toEqual([expect.objectContaining({ kind: 'correction-unmatched', line: 4, message: expect.stringMatching(/"某地" is too short to tell \(2 characters; give at least 4\); nothing was changed/) })]);
  });

  it('reports a split-at too short to tell as too short', () => {
    const out = correct({ match: '某省发布', splitAt: '二、' });
    expect(out.articles).toHaveLength(4);
    expect(out.warnings[0].message).toMatch(/split-at "二、" is too short to tell/);
  });

  it('reports a split-at that names no line of the article, and changes nothing', () => {
    const out = correct({ match: '某省发布', splitAt: '三、保障措施' });
    expect(out.articles).toHaveLength(4);
    expect(out.warnings[0]).toMatchObject({ kind: 'correction-unmatched', line: 7 });
  });
});
