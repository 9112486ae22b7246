import { describe, expect, it } from 'vitest';
import { lineKind } from '../../../src/ingest/rules/line-kinds.ts';
import { mergeHeadingLines } from '../../../src/ingest/rules/merge-heading-lines.ts';

const p = (text: string, line = 1) => ({ text, line });

describe('lineKind', () => {
  it.each([
    ['产业环境', 'section'],
    ['——千兆光网已覆盖300余城', 'subtitle'],
    ['（一）加强信息领域核心技术创新', 'numbered'],
    ['来源：人民邮电报', 'source'],
    ['【连载四】', 'note'],
    ['会议现场', 'note'],
    ['联盟副理事长、河南大学副校长王学路发言', 'note'],
    ['在全省数字经济工作会议上的发言', 'heading'],
    ['视频直播二维码', 'note'],
    ['某省通信管理局副局长张某某致辞', 'note'],
    ['研究院副主任李某某主持会议', 'note'],
    ['省长在数字经济大会上致辞', 'heading'],
    ['图2.3 2020年9月全省各类主体开办网站数量分布情况', 'note'],
    ['二是推动行业创新发展。充分发挥协会', 'prose'],
    ['这是位于某市的研发中心内景（7 月 3 日摄）。', 'note'],
    ['在会展中心拍摄的大会开幕式现场。新华社发（某某供图）', 'note'],
    ['某公司市值达到1.6万亿美元。-某某摄', 'note'],
    ['记者 7 月 3 日在会展中心看到，参观者络绎不绝。', 'prose'],
    ['电话会议部署防汛工作', 'heading'],
    ['深入学习贯彻总书记重要讲话', 'heading'],
    ['表3.1 2020年9月全国主要网站访问量排名', 'note'],
    ['电 话 ：0371-65795531', 'note'],
    ['Email:  hnshlwxh ＠ 163.com', 'note'],
    ['数字经济将成推动产业升级重要力量', 'heading'],
    ['智能投顾能否穿越周期？', 'heading'],
    ['行业调整中，智能投顾能否穿越周期？', 'heading'],
    ['工信部回应记者提问：发展数字经济，鼓励企业尝试个性化产业道路', 'heading'],
    ['专家还提醒，除了突破计算、存储等领域的技术外，还要注意个人信息', 'prose'],
    ['目前重点遴选培育了101家企业。', 'prose'],
  ])('classifies %s as %s', (text, kind) => {
    expect(lineKind(p(text))).toBe(kind);
  });
});

describe('mergeHeadingLines', () => {
  it('joins a heading printed over two short lines', () => {
    expect(mergeHeadingLines([p('疫情发生', 1), p('倒逼大数据利用提速', 3), p('正文一句。', 5)]).map((x) => x.text)).toEqual(['疫情发生倒逼大数据利用提速', '正文一句。']);
  });

  it('joins a three-line headline that opens a story after a source credit', () => {
    const merged = mergeHeadingLines([p('来源：某报'), p('河南云计算大数据产业联盟'), p('二届一次常务理事会'), p('暨第六期沙龙圆满举办'), p('正文。')]);
    expect(merged.map((x) => x.text)).toEqual(['来源：某报', '河南云计算大数据产业联盟二届一次常务理事会暨第六期沙龙圆满举办', '正文。']);
  });

  it('keeps two full subheadings in a row apart', () => {
    expect(mergeHeadingLines([p('正文一句。'), p('新基建加速云市场增长前景广阔'), p('疫情加速行业云落地成为共识')])).toHaveLength(3);
  });

  it('joins the next line of a display block when it goes on from the headline, and makes it the subtitle when it does not', () => {
    const d = (text: string, display: 'start' | 'tight') => ({ text, line: 1, display });
    const wrapped = mergeHeadingLines([p('正文一句。'), d('工信部副部长表示：全省已建成', 'start'), d('基站超过六万座', 'tight')]);
    expect(wrapped.map((x) => x.text)).toEqual(['正文一句。', '工信部副部长表示：全省已建成基站超过六万座']);
    const subtitled = mergeHeadingLines([p('正文一句。'), d('周口港智慧港口建设迈上新台阶', 'start'), d('全省港口数字化改造现场会在周口召开', 'tight')]);
    expect(subtitled.map((x) => lineKind(x))).toEqual(['prose', 'heading', 'subtitle']);
  });

  it('keeps a display subtitle apart from the headline even right after a credit, and joins its own wrapped line to it', () => {
    const d = (text: string, display: 'start' | 'tight') => ({ text, line: 1, display });
    const merged = mergeHeadingLines([p('来源：某报'), d('周口港智慧港口建设迈上新台阶', 'start'), d('全省港口数字化改造现场会在周口召', 'tight'), d('开', 'tight'), p('正文。')]);
    expect(merged.map((x) => x.text)).toEqual(['来源：某报', '周口港智慧港口建设迈上新台阶', '全省港口数字化改造现场会在周口召开', '正文。']);
    expect(lineKind(merged[2])).toBe('subtitle');
  });

  it('never joins a new display block to the heading before it', () => {
    const merged = mergeHeadingLines([p('正文一句。'), p('视频直播'), { text: '河南省副省长王新伟：', line: 3, display: 'start' }]);
    expect(merged).toHaveLength(3);
  });
});
