import { describe, expect, it } from 'vitest';
import { endsInterview } from '../../../src/ingest/headlines/question-and-answer.ts';
import { lineKind } from '../../../src/ingest/rules/line-kinds.ts';

const answer = (topic: string) => `${topic}方面，我们已经做了大量工作，下一步还将继续加大投入力度，确保各项任务按期完成并取得实效。`;

/** An interview on a made-up policy: a headline, a lead, answered questions; `after` follows its last answer. */
function interview(after: string, questions = ['新规出台有何背景？', '企业最关心哪些问题？', '下一步工作如何推进？']): { texts: string[]; at: number } {
  const texts = ['聚焦三项重点任务　推动智慧园区建设提质增效', '近日，有关部门印发智慧园区建设指引，记者就读者关心的问题采访了相关负责人。'];
  for (const q of questions) texts.push(q, answer(q.slice(0, 4)));
  texts.push(after, '本月初，全省数据中心建设现场会召开，会议总结了上半年建设情况并部署了下一阶段任务。');
  return { texts, at: texts.indexOf(after) };
}

function ends(texts: string[], at: number): boolean {
  const paragraphs = texts.map((text, i) => ({ text, line: i + 1 }));
  return endsInterview(paragraphs, paragraphs.map(lineKind), at);
}

describe('endsInterview', () => {
  it('opens a story at a plain heading after the last answer of an interview divided by questions', () => {
    const { texts, at } = interview('全省数据中心建设进入快车道');
    expect(ends(texts, at)).toBe(true);
  });

  it('does not when the story before asked only one question: that is a subheading, not an interview', () => {
    const { texts, at } = interview('全省数据中心建设进入快车道', ['新规出台有何背景？']);
    expect(ends(texts, at)).toBe(false);
  });

  it('does not open a story at a heading that is itself a question', () => {
    const { texts, at } = interview('数据中心建设还要补哪些短板？');
    expect(ends(texts, at)).toBe(false);
  });

  /** An interview whose last answer has two subheadings of its own, parallel to each other. */
  const interviewWithSubheadings = [
    '聚焦三项重点任务　推动智慧园区建设提质增效',
    '近日，有关部门印发智慧园区建设指引，记者就读者关心的问题采访了相关负责人。',
    '新规出台有何背景？', answer('背景'),
    '指引提出了哪些任务？', answer('任务'),
    '加强统筹协调，完善推进机制', answer('统筹'),
    '强化要素保障，夯实发展基础', answer('要素'),
  ];

  it('does not take an answer\'s own subheadings, parallel to one another, for a new story', () => {
    const texts = [...interviewWithSubheadings];
    expect(ends(texts, texts.indexOf('加强统筹协调，完善推进机制'))).toBe(false);
    expect(ends(texts, texts.indexOf('强化要素保障，夯实发展基础'))).toBe(false);
  });

  it('opens a story after an interview whose last answer has subheadings of its own', () => {
    const texts = [...interviewWithSubheadings, '全省数据中心建设进入快车道', answer('数据中心')];
    expect(ends(texts, texts.indexOf('全省数据中心建设进入快车道'))).toBe(true);
  });

  it('does not count questions asked in a row with no answer between them, as a story\'s lead asks them', () => {
    const texts = [
      '园区管理要打开数据“黑箱”',
      '那么，园区数据归谁所有？',
      '数据又该如何流通？',
      answer('数据'),
      '确权立法仍有不少难题待解',
      answer('确权'),
    ];
    expect(ends(texts, texts.indexOf('确权立法仍有不少难题待解'))).toBe(false);
  });

  it('does not open a story at a short closing part such as an afterword', () => {
    const { texts, at } = interview('结语');
    expect(ends(texts, at)).toBe(false);
  });
});
