import { describe, expect, it } from 'vitest';
import { planQuery, splitMessage, splitWord, withinOneEdit } from '../../src/search/query-plan.ts';
import { doc, memoryEngine } from './support/memory-engine.ts';

describe('cutting a run-together query into words', () => {
  it('cuts at known terms, longest first', () => {
    expect(splitWord('华为芯片', ['华为', '芯片'])).toEqual(['华为', '芯片']);
    expect(splitWord('工业互联网平台', ['工业', '工业互联网'])).toEqual(['工业互联网', '平台']);
  });

  it('cuts what no term covers into pairs, never leaving a lone character', () => {
    expect(splitWord('甲乙丙丁', [])).toEqual(['甲乙', '丙丁']);
    expect(splitWord('甲乙丙', [])).toEqual(['甲乙丙']);
    expect(splitWord('华为新芯片', ['华为', '芯片'])).toEqual(['华为新', '芯片']);
  });
});

describe('one edit apart', () => {
  it('accepts one replaced, added or dropped character and nothing more', () => {
    expect(withinOneEdit('工业互连网', '工业互联网')).toBe(true);
    expect(withinOneEdit('工业互网', '工业互联网')).toBe(true);
    expect(withinOneEdit('工业互连接', '工业互联网')).toBe(false);
  });
});

describe('planning a query', () => {
  const engine = memoryEngine([
    doc({ title: '某厂商发布新款芯片', body: '某厂商表示，新款芯片面向数据中心。' }),
    doc({ title: '星河科技芯片出货增长', body: '星河科技的芯片出货量持续增长。' }),
    doc({ title: '星河科技年报', body: '星河科技发布年报，研发投入增加，自研芯片进展顺利。' }),
    doc({ title: '工业互联网平台建设', body: '多地推进工业互联网平台建设。' }),
    doc({ title: '工业互联网标识解析', body: '工业互联网标识解析体系加快建设。' }),
  ]);
  const vocabulary = ['星河科技', '芯片', '工业互联网'];

  it('keeps a query that finds enough as it is', async () => {
    const plan = await planQuery(engine, '芯片', vocabulary);
    expect(plan.kind).toBe('exact');
    expect(plan.hits.length).toBe(3);
  });

  it('retries a phrase that finds little as its words, exact hits first, and says so', async () => {
    const plan = await planQuery(engine, '星河科技芯片', vocabulary);
    expect(plan.kind).toBe('split');
    if (plan.kind !== 'split') return;
    expect(plan.words).toEqual(['星河科技', '芯片']);
    expect(plan.exactCount).toBe(1);
    expect(plan.hits.map((h) => h.doc)).toEqual([1, 2]);
    expect(splitMessage(plan)).toContain('同时包含“星河科技”和“芯片”');
  });

  it('says the whole phrase was not found when only its words are', async () => {
    const plan = await planQuery(engine, '芯片星河科技', vocabulary);
    expect(plan.kind).toBe('split');
    if (plan.kind === 'split') expect(splitMessage(plan)).toBe('没有找到完整的“芯片星河科技”，以下是同时包含“芯片”和“星河科技”的文章');
  });

  it('suggests a known term one character away when nothing is found', async () => {
    const plan = await planQuery(engine, '工业互连网', vocabulary);
    expect(plan).toMatchObject({ kind: 'none', suggestion: '工业互联网' });
  });

  it('suggests nothing rather than a term that finds nothing', async () => {
    const plan = await planQuery(engine, '量子纠缠', ['量子纠错']);
    expect(plan).toMatchObject({ kind: 'none', suggestion: null });
  });
});
