import { describe, expect, it } from 'vitest';
import { measureWrapStyle, reflowParagraphs } from '../../src/ingest/reflow.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
const full = '这是一行被硬换行的正文文字内容这是一行被硬换行的正文文字';

describe('reflowParagraphs', () => {
  it('joins PDF lines until a trailing space marks the paragraph end', () => {
    const source = lines(`${full}\n\n${full}\n\n结束了。 \n\n下一段开始。 `);
    const style = measureWrapStyle(source);
    expect(style.trailingSpaceEndsParagraph).toBe(true);
    const paragraphs = reflowParagraphs(source, style);
    expect(paragraphs.map((p) => p.text)).toEqual([`${full}${full}结束了。`, '下一段开始。']);
    expect(paragraphs[1].line).toBe(7);
  });

  it('keeps one paragraph per line when lines were not wrapped, but mends a page-break cut', () => {
    const long = '石家庄移动还上线数字化看板平台，这一平台可实时展示5G建设中各关键节点进展，及时发现建设瓶颈，实现5G站点建设全流程可视化，有效保证了5G网';
    const paragraphs = reflowParagraphs(lines(`标题一\n\n${long}\n\n量。\n\n新的一段。`), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs.map((p) => p.text)).toEqual(['标题一', `${long}量。`, '新的一段。']);
  });

  it('mends a page-break cut in a full line that holds a comma, which no headline would', () => {
    const cut = '百度搜索及时发布新冠肺炎疫情搜索大数据与民众迁徙路线图，辐射范围达300多个';
    const paragraphs = reflowParagraphs(lines(`${cut}\n\n城市，成为反映疫情趋势的风向标。\n\n数字经济将成推动产业升级重要力量`), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs.map((p) => p.text)).toEqual([`${cut}城市，成为反映疫情趋势的风向标。`, '数字经济将成推动产业升级重要力量']);
  });

  it('joins a drop cap to the rest of its sentence', () => {
    const paragraphs = reflowParagraphs(lines(' 建\n成开通 5G 基站 60 万个。'), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs.map((p) => p.text)).toEqual(['建成开通 5G 基站 60 万个。']);
  });

  it('leaves no space between Chinese characters, and mends a split number', () => {
    const paragraphs = reflowParagraphs(lines(' 2 020 年中国 国际信息通信展览会在北京举行。'), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs[0].text).toBe('2020 年中国国际信息通信展览会在北京举行。');
  });

  it('keeps the gap between the phrases of a one-line heading as an ideographic space, but not letter-spacing or stray spaces', () => {
    const source = lines('营造创新生态 山西大力发展数字经济\n\n来 源 ： 水 煮 通 信\n\n正文里 偶有 空格的句子，会被清理干净。');
    const texts = reflowParagraphs(source, { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false }).map((p) => p.text);
    expect(texts).toEqual(['营造创新生态\u3000山西大力发展数字经济', '来源：水煮通信', '正文里偶有空格的句子，会被清理干净。']);
  });

  it('ends a magazine paragraph at a short line when no trailing space marks it', () => {
    const a = '一二三四五六七八九十一二三四五六七八九十一二三四';
    const source = lines([a, a, '短的结尾。', a, '另一段结尾。'].join('\n'));
    const style = measureWrapStyle(source);
    expect(style.trailingSpaceEndsParagraph).toBe(false);
    expect(reflowParagraphs(source, style).map((p) => p.text)).toEqual([`${a}${a}短的结尾。`, `${a}另一段结尾。`]);
  });
});

describe('table rows', () => {
  it('never joins a row of figures to the line before or after it', () => {
    const a = '一二三四五六七八九十一二三四五六七八九十一二三四';
    const source = lines([a, a, a, '互联网平台业务 45.5 12.5% 65.1%', '信息服务业务 15.0 11.1% 21.4%', a].join('\n'));
    const texts = reflowParagraphs(source, { wrapWidth: 48, trailingSpaceEndsParagraph: false, doubleSpaced: false }).map((p) => p.text);
    expect(texts).toContain('互联网平台业务 45.5 12.5% 65.1%');
    expect(texts).toContain('信息服务业务 15.0 11.1% 21.4%');
  });
});
