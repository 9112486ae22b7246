import { describe, expect, it } from 'vitest';
import { findStructure } from '../../../src/ingest/stages/find-structure.ts';
import weights from '../../../src/ingest/headlines/weights.json' with { type: 'json' };
import type { NormalisedText, Paragraph } from '../../../src/types.ts';

const story = (topic: string, n: number) =>
  Array.from({ length: n }, (_, k) => `${topic}相关工作第${k + 1}阶段稳步推进，${topic}项目进展顺利，各方评价${topic}成效明显。`);

function text(paragraphs: string[], toc: NormalisedText['toc'] = []): NormalisedText {
  return { file: 'case.txt', paragraphs: paragraphs.map((t, i) => ({ text: t, line: i + 1 })), toc, furniture: [], overrides: {} };
}

const credited = (opening: string[]) => [
  ...opening,
  '数字乡村建设全面提速',
  ...story('数字乡村', 3),
  '来源：人民邮电报',
  '智慧港口建设迈上新台阶',
  ...story('智慧港口', 3),
  '来源：人民邮电报',
  '工业互联网平台加快落地',
  ...story('工业互联网', 3),
  '来源：人民邮电报',
  '江西数字经济产业发展呈现良好态势',
  ...story('人工智能', 3),
  '德国拟加强对亚马逊反垄断审查',
  '据外媒报道，德国正准备就美国科技公司亚马逊最新的平台数据政策展开反垄断调查评估。',
  ...story('反垄断', 3),
];
/** A model that gives every heading the same score. */
const scoring = (p: number) => ({ weights: new Array(weights.weights.length).fill(0), bias: Math.log(p / (1 - p)), threshold: weights.threshold });

const titles = (t: NormalisedText, model?: Parameters<typeof findStructure>[1]) => {
  const s = findStructure(t, model);
  return s.headlines.map((i) => s.paragraphs[i].text);
};

describe('findStructure', () => {
  it('opens a story after every source credit, and only there, in a magazine without sections', () => {
    expect(titles(text(credited([])))).toEqual(['数字乡村建设全面提速', '智慧港口建设迈上新台阶', '工业互联网平台加快落地', '江西数字经济产业发展呈现良好态势']);
  });

  it('opens a story where a magazine sets a headline in display type, and starts it right after the credit when the headline came later', () => {
    const paragraphs: Paragraph[] = credited([]).map((t, i) => ({ text: t, line: i + 1 }));
    // Two-column extraction printed the third story's headline after its first paragraph.
    const at = paragraphs.findIndex((p) => p.text === '工业互联网平台加快落地');
    const [headline] = paragraphs.splice(at, 1);
    paragraphs.splice(at + 1, 0, { ...headline, display: 'start' });
    const structure = findStructure({ ...text([]), paragraphs });
    const index = structure.paragraphs.indexOf(paragraphs[at + 1]);
    expect(structure.headlines).toContain(index);
    expect(structure.storyStarts.get(index)).toBe(at);
    expect(structure.storyStarts.size).toBe(1);
  });

  it('starts a story with no headline after the last credit, and says so, unless it is only a short notice', () => {
    const lastCredit = credited([]).lastIndexOf('来源：人民邮电报');
    const report = [...credited([]).slice(0, lastCredit + 1), '为真实反映全省互联网发展状况，协会对行业发展情况进行统计和分析。', ...story('统计报告', 6)];
    const structure = findStructure(text(report));
    expect(structure.untitledStarts).toEqual([lastCredit + 1]);
    expect(structure.warnings.some((w) => w.line === lastCredit + 2 && w.message.includes('has no headline'))).toBe(true);
    const short = [...credited([]).slice(0, lastCredit + 1), '本刊内容仅供参考，转载请注明出处。'];
    expect(findStructure(text(short)).untitledStarts).toEqual([]);
  });

  it('opens a story after the last answer of an interview, however low the classifier scores its heading', () => {
    const answer = (topic: string) => `${topic}方面，我们已经做了大量工作，下一步还将继续加大投入力度，确保各项任务按期完成并取得实效。`;
    const paragraphs = [
      '产业环境',
      '聚焦三项重点任务　推动智慧园区建设提质增效',
      '近日，有关部门印发智慧园区建设指引，记者就读者关心的问题采访了相关负责人。',
      '新规出台有何背景？', answer('背景'),
      '企业最关心哪些问题？', answer('企业'),
      '全省数据中心建设进入快车道',
      ...story('数据中心', 3),
    ];
    // Every heading scores far under the cut: only where a story must open is one opened.
    expect(titles(text(paragraphs), scoring(0.05))).toEqual(['聚焦三项重点任务　推动智慧园区建设提质增效', '全省数据中心建设进入快车道']);
  });

  it('keeps the parts of a round-up, which take up the fields its introduction lists, in the round-up, and tells the editor', () => {
    const paragraphs = [
      '产业环境',
      '年终盘点：新技术的高光时刻',
      '这一年，边缘计算、卫星通信、无人配送……诸多领域都在加速前行。让我们一起回顾这一年的亮点。',
      '边缘计算走向规模商用', ...story('边缘计算', 3),
      '卫星通信迎来发展窗口', ...story('卫星通信', 3),
      '智能配送：谈普及为时尚早', ...story('智能配送', 3),
      '全省数据中心建设进入快车道', ...story('数据中心', 3),
    ];
    // Every heading scores well over the cut: only the round-up's reading keeps its parts in it.
    const structure = findStructure(text(paragraphs), scoring(0.9));
    expect(structure.headlines.map((i) => structure.paragraphs[i].text)).toEqual(['年终盘点：新技术的高光时刻', '全省数据中心建设进入快车道']);
    const givenUp = structure.warnings.filter((w) => w.kind === 'given-up-headline');
    expect(givenUp.map((w) => w.line)).toEqual([4, 8, 12]);
    expect(givenUp[0].message).toContain('the introduction on line 3');
  });

  it('reports each close call of the classifier with its line, so the editor knows which splits to check', () => {
    // A model that scores every heading 0.5, just over its cut of 0.45: every decision is close.
    const undecided = { weights: new Array(weights.weights.length).fill(0), bias: 0, threshold: 0.45 };
    const structure = findStructure(text(credited(['海外借鉴'])), undecided);
    const close = structure.warnings.filter((w) => w.message.startsWith('close call'));
    expect(close.map((w) => w.line)).toContain(structure.paragraphs.find((p) => p.text === '德国拟加强对亚马逊反垄断审查')!.line);
    expect(close[0].message).toContain('not-headlines');
    expect(findStructure(text(credited(['海外借鉴']))).warnings.length).toBeLessThan(close.length);
  });

  it('gives up a headline that would leave the article before with a single subheading, and says so', () => {
    // Short headings score low, any other 0.6: the short one is a subheading, the long one a doubtful headline.
    const model = { ...scoring(0.6), weights: weights.features.map((name) => (name === 'lengthUnder10' ? -5 : 0)) };
    const paragraphs = ['产业环境', '数字乡村建设全面提速', ...story('数字乡村', 3), '乡村网络覆盖', ...story('乡村网络', 3), '江西数字经济产业发展呈现良好态势', ...story('江西', 3)];
    const structure = findStructure(text(paragraphs), model);
    expect(structure.headlines.map((i) => structure.paragraphs[i].text)).toEqual(['数字乡村建设全面提速']);
    const givenUp = structure.warnings.filter((w) => w.message.startsWith('given up'));
    expect(givenUp.map((w) => w.line)).toEqual([paragraphs.indexOf('江西数字经济产业发展呈现良好态势') + 1]);
    expect(givenUp[0].message).toContain('headlines: in the correction file');
  });

  it('drops the given-up warning for a line the editor lists under headlines, and splits there', () => {
    const model = { ...scoring(0.6), weights: weights.features.map((name) => (name === 'lengthUnder10' ? -5 : 0)) };
    const paragraphs = ['产业环境', '沿海城市加快布局海上风电', ...story('海上风电', 3), '风机选址', ...story('风机', 3), '内陆省份推动储能项目规模化应用', ...story('储能', 3)];
    const given = text(paragraphs);
    expect(findStructure(given, model).warnings.some((w) => w.kind === 'given-up-headline')).toBe(true);
    const structure = findStructure({ ...given, overrides: { headlines: ['内陆省份推动储能项目'] } }, model);
    expect(structure.headlines.map((i) => structure.paragraphs[i].text)).toContain('内陆省份推动储能项目规模化应用');
    expect(structure.warnings.filter((w) => w.kind === 'given-up-headline' || w.kind === 'close-call')).toEqual([]);
  });

  it('drops the close-call warning for each line the editor lists, and keeps those for lines it does not', () => {
    const undecided = { weights: new Array(weights.weights.length).fill(0), bias: 0, threshold: 0.45 };
    const paragraphs = ['产业环境', '沿海城市加快布局海上风电', ...story('海上风电', 8), '内陆省份推动储能项目规模化应用', ...story('储能', 8), '高原地区光伏电站并网发电', ...story('光伏', 3)];
    const given = text(paragraphs);
    const lineOf = (t: string) => paragraphs.indexOf(t) + 1;
    const closeLines = (s: ReturnType<typeof findStructure>) => s.warnings.filter((w) => w.kind === 'close-call').map((w) => w.line);
    expect(closeLines(findStructure(given, undecided))).toEqual(expect.arrayContaining([lineOf('内陆省份推动储能项目规模化应用'), lineOf('高原地区光伏电站并网发电')]));
    const structure = findStructure({ ...given, overrides: { notHeadlines: ['内陆省份推动储能项目规模化应用'] } }, undecided);
    expect(structure.headlines.map((i) => structure.paragraphs[i].text)).not.toContain('内陆省份推动储能项目规模化应用');
    expect(closeLines(structure)).not.toContain(lineOf('内陆省份推动储能项目规模化应用'));
    expect(closeLines(structure)).toContain(lineOf('高原地区光伏电站并网发电'));
  });

  it('still asks the classifier about uncredited headlines in a bulletin with sections', () => {
    expect(titles(text(credited(['海外借鉴'])))).toContain('德国拟加强对亚马逊反垄断审查');
  });

  const toc = [{ title: '智慧港口建设迈上新台阶', section: null, page: 2, line: 1 }, { title: '量子通信网络正式开通', section: null, page: 3, line: 2 }];

  it('takes the headlines its table of contents names, and warns of an entry it cannot find', () => {
    const structure = findStructure(text(credited(['海外借鉴']), toc), scoring(0.6));
    expect(structure.headlines.map((i) => structure.paragraphs[i].text)).toEqual(['智慧港口建设迈上新台阶']);
    expect(structure.warnings.map((w) => w.message).join()).toContain('量子通信网络正式开通');
  });

  it('opens an article at a headline its table of contents leaves out only when the classifier is sure, and says so', () => {
    const structure = findStructure(text(credited(['海外借鉴']), toc), scoring(0.9));
    const found = structure.headlines.map((i) => structure.paragraphs[i].text);
    expect(found).toContain('智慧港口建设迈上新台阶');
    expect(found).toContain('德国拟加强对亚马逊反垄断审查');
    const unlisted = structure.warnings.filter((w) => w.message.includes('no table-of-contents entry'));
    expect(unlisted.length).toBe(found.length - 1);
    expect(unlisted[0].message).toContain('not-headlines');
  });
});
