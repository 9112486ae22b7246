import { describe, expect, it } from 'vitest';
import { chineseDate, chineseMonth, groupedNumber, rfc3339 } from '../../src/site/format.ts';

describe('Chinese date formats', () => {
  it('drop leading zeros from month and day', () => {
    expect(chineseMonth('2021-01-01')).toBe('2021年1月');
    expect(chineseDate('2020-11-05')).toBe('2020年11月5日');
  });

  it('give Atom a full timestamp in China Standard Time', () => {
    expect(rfc3339('2020-11-01')).toBe('2020-11-01T00:00:00+08:00');
  });

  it('group thousands in character counts', () => {
    expect(groupedNumber(12345)).toBe('12,345');
    expect([0, 999, 1000, 1234567, -1234.5].map(groupedNumber)).toEqual(['0', '999', '1,000', '1,234,567', '-1,234.5']);
  });
});
