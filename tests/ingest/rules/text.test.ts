import { describe, expect, it } from 'vitest';
import { joinWrapped } from '../../../src/ingest/rules/text.ts';

describe('joinWrapped', () => {
  it('joins Chinese across a wrap with no space', () => {
    expect(joinWrapped('数字经济', '发展 ')).toBe('数字经济发展 ');
  });

  it('keeps one space between two Latin words, or a word and a number', () => {
    expect(joinWrapped('第二代5G ', 'CPE 终端')).toBe('第二代5G CPE 终端');
    expect(joinWrapped('大会（CPC ', '2020）上')).toBe('大会（CPC 2020）上');
  });

  it('joins the two halves of a number a wrap split', () => {
    expect(joinWrapped('总数达到11695', '.8万户')).toBe('总数达到11695.8万户');
    expect(joinWrapped('增长 20', '20 年')).toBe('增长 2020 年');
    expect(joinWrapped('第二代 5', 'G 芯片')).toBe('第二代 5G 芯片');
  });
});
