import { describe, expect, it } from 'vitest';
import { renderArticle, renderMarkdown } from '../../../src/site/content/render-markdown.ts';

describe('renderMarkdown', () => {
  it('renders ## subheadings as h2 and paragraphs as p', () => {
    expect(renderMarkdown('## 总体要求\n\n正文。')).toBe('<h2 id="zong-ti-yao-qiu">总体要求</h2>\n<p>正文。</p>\n');
  });

  it('joins a line break between Chinese characters without leaving a space', () => {
    expect(renderMarkdown('第一行\n第二行')).toBe('<p>第一行第二行</p>\n');
  });

  it('keeps separate paragraphs separate', () => {
    expect(renderMarkdown('甲。\n\n乙。')).toBe('<p>甲。</p>\n<p>乙。</p>\n');
  });

  it('leaves full-width punctuation and spaces around Latin text untouched', () => {
    expect(renderMarkdown('建成 5G 基站约 69 万个，“数字鸿沟”！')).toBe('<p>建成 5G 基站约 69 万个，“数字鸿沟”！</p>\n');
  });

  it('renders GFM tables inside a focusable scrolling region', () => {
    const html = renderMarkdown('| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |');
    expect(html).toMatch(/^<section class="table-scroll" tabindex="0" aria-label="表格 1"><table>/);
    expect(html).toMatch(/<th[^>]*>甲<\/th>/);
    expect(html).toMatch(/<td[^>]*>2<\/td>/);
  });

  it('escapes raw HTML instead of passing it through', () => {
    expect(renderMarkdown('<script>x</script>')).not.toContain('<script>');
  });
});

describe('several tables in one body', () => {
  it('names each scrolling region uniquely, after the article the caller names', () => {
    const table = '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n';
    const labels = [...renderMarkdown(table + '正文\n\n' + table, '第 3 篇的表格').matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual(['第 3 篇的表格 1', '第 3 篇的表格 2']);
  });
});

describe('table cells', () => {
  const table = [
    '| 地区 | 收入（亿元） | 同比 | 网址 |',
    '| --- | ---: | --- | --- |',
    '| 甲省 | 1,234.5 | -22.1% | www.example-shop.com/m |',
    '| 乙省 | 65.1 | — | 暂无 |',
  ].join('\n');
  const html = renderMarkdown(table);

  it('marks every cell of a column of figures as numeric, header included', () => {
    expect(html).toContain('<td class="align-right num">1,234.5</td>');
    expect(html).toContain('<td class="num">-22.1%</td>');
    expect(html).toContain('<td class="num">—</td>'); // a dash for "no figure" keeps the column numeric
    expect(html).toContain('<th class="align-right num">收入（亿元）</th>');
  });

  it('keeps a cell without Chinese in one piece and leaves Chinese cells free to wrap', () => {
    expect(html).toContain('<td class="nowrap">www.example-shop.com/m</td>');
    expect(html).toContain('<td>暂无</td>');
    expect(html).toContain('<td>甲省</td>');
  });

  it('writes no style attribute, which a strict CSP would block', () => {
    expect(html).not.toContain('style=');
  });
});

describe('subheadings of a long article', () => {
  const body = ['## 一、总体情况', '## （一）用户规模', '## 1.固定宽带', '## 2.移动电话', '## （二）业务收入', '## 二、下一步工作', '## 结语'].join('\n\n');
  const { html, outline } = renderArticle(body);

  it('gets its level from its numbering: 一、 h2, （一） h3, 1. h4, unnumbered h2', () => {
    expect(outline.map((entry) => entry.level)).toEqual([2, 3, 4, 4, 3, 2, 2]);
    expect(html).toContain('<h4 id="s-1-gu-ding-kuan-dai">1.固定宽带</h4>');
  });

  it('gets levels relative to the outermost numbering the article uses', () => {
    const levels = renderArticle('## （一）甲\n\n## 1.乙\n\n## （二）丙').outline.map((entry) => entry.level);
    expect(levels).toEqual([2, 3, 2]);
  });

  it('puts a numbered run under the unnumbered subheading it follows straight away', () => {
    const levels = renderArticle(['## 发展方向', '## （一）甲', '## 1.乙', '## （二）丙', '## 政策建议', '## （一）丁'].join('\n\n')).outline.map((entry) => entry.level);
    expect(levels).toEqual([2, 3, 4, 3, 2, 3]);
  });

  it('gets an id that is never empty and never repeated, for Chinese headings too', () => {
    const ids = renderArticle('## 概况\n\n## 概况\n\n## ——').outline.map((entry) => entry.id);
    expect(ids).toEqual(['gai-kuang', 'gai-kuang-2', 'section']);
  });
});

describe('table captions and notes', () => {
  it('marks the caption just before a table and the source note just after it', () => {
    const html = renderMarkdown('表2.1 各地收入\n\n| 地区 | 收入 |\n| --- | --- |\n| 甲 | 1 |\n\n数据来源：本刊整理。\n\n表3 不在表格前');
    expect(html).toContain('<p class="table-caption">表2.1 各地收入</p>');
    expect(html).toContain('<p class="table-note">数据来源：本刊整理。</p>');
    expect(html).toContain('<p>表3 不在表格前</p>');
  });
});
