import { describe, expect, it } from 'vitest';
import { keyFromLabels, sentencesOf, storyIntegrity } from '../../src/eval/story-integrity.ts';
import type { Article } from '../../src/types.ts';

const article = (title: string, ...paragraphs: string[]): Article => ({
  title,
  section: '产业环境',
  sectionInferred: false,
  order: 1,
  line: 1,
  blocks: paragraphs.map((text, i) => ({ type: 'paragraph', text, line: i + 2 })),
});

describe('story integrity', () => {
  it('cuts text into sentences after a full stop, keeping a closing quote with its sentence', () => {
    expect(sentencesOf('他说：“好。” 然后走了！还有')).toEqual(['他说：“好。”', '然后走了！', '还有']);
  });

  it('is 1 when every sentence is in its own story', () => {
    const key = [
      { title: '甲地建成新港口', sentences: ['甲地建成新港口', '港口今日启用。'] },
      { title: '乙厂发布新机型', sentences: ['乙厂发布新机型', '新机型更轻。'] },
    ];
    const result = storyIntegrity([article('甲地建成新港口', '港口今日启用。'), article('乙厂发布新机型', '新机型更轻。')], key);
    expect(result).toMatchObject({ integrity: 1, coverage: 1, misplaced: [], lost: [] });
  });

  it('counts a sentence spliced into the next story against integrity but not coverage', () => {
    const key = [
      { title: '甲地', sentences: ['甲地', '第一句很长很长。', '第二句也很长。'] },
      { title: '乙地', sentences: ['乙地', '乙地的一句话。'] },
    ];
    const result = storyIntegrity([article('甲地', '第一句很长很长。'), article('乙地', '第二句也很长。乙地的一句话。')], key);
    expect(result.coverage).toBe(1);
    expect(result.integrity).toBeCloseTo(1 - 7 / (2 + 8 + 7 + 2 + 7), 6);
    expect(result.misplaced).toEqual([{ story: '甲地', foundIn: '乙地', sentence: '第二句也很长。' }]);
  });

  it('reports a sentence found nowhere as lost, and furniture left in an article', () => {
    const key = [{ title: '丙', sentences: ['丙', '这句不见了。'] }];
    const result = storyIntegrity([article('丙', '月刊名称')], key, ['月刊名称', '7']);
    expect(result.coverage).toBeLessThan(1);
    expect(result.lost.map((l) => l.sentence)).toEqual(['这句不见了。']);
    expect(result.furnitureInBodies).toEqual(['月刊名称']);
  });

  it('builds a story from several runs of lines, furniture left out, a cut sentence made whole', () => {
    const source = ['标题甲', '开头一句，要', '标题乙', '乙的话。', '页眉', '看后面。'].join('\n');
    const key = keyFromLabels(source, {
      furniture: ['页眉'],
      articles: [
        { title: '标题甲', section: '产业环境', line: 1, spans: [[1, 2], [5, 6]] },
        { title: '标题乙', section: '产业环境', line: 3, spans: [[3, 4]] },
      ],
    });
    expect(key).toEqual([
      { title: '标题甲', sentences: ['标题甲开头一句，要看后面。'] },
      { title: '标题乙', sentences: ['标题乙乙的话。'] },
    ]);
  });
});
