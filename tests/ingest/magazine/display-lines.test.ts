import { describe, expect, it } from 'vitest';
import { findDisplayLines } from '../../../src/ingest/magazine/display-lines.ts';
import { measureWrapStyle, reflowParagraphs } from '../../../src/ingest/stages/reflow.ts';
import type { WrapStyle } from '../../../src/types.ts';

/** A full body line of a magazine column: 24 Chinese characters, 48 columns. */
const BODY = ['全省数字经济规模持续扩大，核心产业增加值稳步增长，', '带动传统产业加快转型升级，新业态新模式不断涌现出', '来，为经济高质量发展注入了新的动力和活力。'];

/** Lines as a magazine extraction prints them: a blank line after each, except where `tight` says. */
function magazine(blocks: (string | string[])[]): { text: string; line: number }[] {
  const out: string[] = [];
  for (const block of blocks) {
    for (const line of Array.isArray(block) ? block : [block]) out.push(line);
    out.push('');
  }
  return out.map((text, i) => ({ text, line: i + 1 }));
}

const settingsOf = (lines: { text: string; line: number }[], style: WrapStyle = measureWrapStyle(lines)) =>
  Object.fromEntries([...findDisplayLines(lines, style).settings].map(([line, setting]) => [lines[line - 1].text.trim(), setting]));

describe('findDisplayLines', () => {
  const body = [...BODY, ...BODY, ...BODY];

  it('sets short heading lines printed tight together in double-spaced text as one display block', () => {
    const lines = magazine([...body, ['工信部副部长表示：全省已建成', '第五代移动通信基站超过六万座'], ...body]);
    expect(settingsOf(lines)).toEqual({ '工信部副部长表示：全省已建成': 'start', '第五代移动通信基站超过六万座': 'tight' });
  });

  it('starts a new block at an indented line, and takes a speaker over a colon as display type', () => {
    const lines = magazine([...body, ['智慧港口建设迈上新台阶', ' 省交通厅副厅长王明：', '加快推进内河航运数字化改造'], ...body]);
    expect(settingsOf(lines)).toEqual({ '智慧港口建设迈上新台阶': 'start', '省交通厅副厅长王明：': 'start', '加快推进内河航运数字化改造': 'tight' });
  });

  it('never takes a full line of body text for display type, even printed tight at a page seam', () => {
    const lines = magazine([...body, [BODY[0], ` ${BODY[1]}`], ...body]);
    expect(settingsOf(lines)).toEqual({});
  });

  it('sets a wide-spaced heading apart, and as a headline only where it interrupts a sentence', () => {
    const lines = magazine([...body, '让企业用得上    让企业用得好', BODY[0], '中国联通：云网融合    赋能千行百业', ...body]);
    expect(settingsOf(lines)).toEqual({ '让企业用得上    让企业用得好': 'apart', '中国联通：云网融合    赋能千行百业': 'start' });
  });

  it('takes lines for tight only when no line was removed between them, as page furniture is', () => {
    const lines = magazine([...body, ['工信部副部长表示：全省已建成', '第五代移动通信基站超过六万座'], ...body]);
    const at = lines.findIndex((l) => l.text === '第五代移动通信基站超过六万座');
    // Three lines of furniture stood between the two and were taken out: the numbering jumps.
    const withoutFurniture = lines.map((l, i) => (i >= at ? { ...l, line: l.line + 3 } : l));
    const settings = findDisplayLines(withoutFurniture, measureWrapStyle(withoutFurniture)).settings;
    expect(settings.size).toBe(0);
    expect(settingsOf(lines)).not.toEqual({});
  });

  it('sets apart a wide-spaced heading on the very first line, where no sentence can be cut', () => {
    const lines = magazine(['让企业用得上    让企业用得好', ...body]);
    expect(settingsOf(lines)).toEqual({ '让企业用得上    让企业用得好': 'apart' });
  });

  it('finds where the column resumes a sentence the display block cut, only when set in right under it', () => {
    const cut = '截至十月底，全省累计建成第五代移动通信基站四万余';
    const resumed = magazine([...body, cut, [' 省工信厅副厅长张明：', '智能制造成为转型主引擎', ' 个，实现县城以上城区全覆盖，重点乡镇连续覆盖。'], ...body]);
    const found = findDisplayLines(resumed, measureWrapStyle(resumed));
    expect([...found.resumptions].map((line) => resumed[line - 1].text)).toEqual([' 个，实现县城以上城区全覆盖，重点乡镇连续覆盖。']);
    const apart = magazine([...body, cut, [' 省工信厅副厅长张明：', '智能制造成为转型主引擎'], '个，实现县城以上城区全覆盖，重点乡镇连续覆盖。', ...body]);
    expect(findDisplayLines(apart, measureWrapStyle(apart)).resumptions.size).toBe(0);
  });

  it('finds nothing where tight lines carry no meaning: single spacing, or trailing spaces ending paragraphs', () => {
    const single = [...body, '工信部副部长表示：全省已建成', '第五代移动通信基站超过六万座', ...body].map((text, i) => ({ text, line: i + 1 }));
    expect(measureWrapStyle(single).doubleSpaced).toBe(false);
    expect(settingsOf(single)).toEqual({});
    const lines = magazine([...body, ['工信部副部长表示：全省已建成', '第五代移动通信基站超过六万座'], ...body]);
    expect(settingsOf(lines, { ...measureWrapStyle(lines), trailingSpaceEndsParagraph: true })).toEqual({});
    expect(settingsOf(lines, { ...measureWrapStyle(lines), wrapWidth: null })).toEqual({});
  });
});

describe('reflowParagraphs with display lines', () => {
  it('keeps a headline block dropped into the middle of a sentence out of the prose, and mends the sentence', () => {
    const cut = '截至十月底，全省累计建成第五代移动通信基站四万余';
    const lines = magazine([...BODY, cut, [' 省工信厅副厅长张明：', '智能制造成为转型主引擎', ' 个，实现县城以上城区全覆盖，重点乡镇连续覆盖。'], ...BODY, ...BODY]);
    const paragraphs = reflowParagraphs(lines, measureWrapStyle(lines));
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('省工信厅副厅长张明：');
    expect(texts).toContain('智能制造成为转型主引擎');
    // The column resumed right under the block: the cut sentence is mended, the block follows it.
    const mended = texts.findIndex((t) => t.endsWith(`${cut}个，实现县城以上城区全覆盖，重点乡镇连续覆盖。`));
    expect(mended).toBeGreaterThanOrEqual(0);
    expect(texts[mended + 1]).toBe('省工信厅副厅长张明：');
    expect(paragraphs.filter((p) => p.display).map((p) => p.display)).toEqual(['start', 'tight']);
  });

  it('keeps a wide gap inside a display line as one space between its phrases', () => {
    const lines = magazine([...BODY, '让企业用得上    让企业用得好', ...BODY, ...BODY]);
    expect(reflowParagraphs(lines, measureWrapStyle(lines)).map((p) => p.text)).toContain('让企业用得上\u3000让企业用得好');
  });
});
