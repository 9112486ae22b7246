import { describe, expect, it } from 'vitest';
import { stripFurniture } from '../../../src/ingest/stages/furniture.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));

function page(n: number, before: string, after: string): string {
  return `${before}\n\n信息产业监测 \n\n©2020 未经同意，不得转载。  2020.11.26 \n\n \n\nPage ${n} \n\n${after}`;
}

describe('stripFurniture', () => {
  it('removes running heads, footers and page numbers that repeat page after page', () => {
    const text = [page(1, '正文一', '正文二'), page(2, '正文三', '正文四'), page(3, '正文五', '应用场景。')].join('\n');
    const { lines: kept, furniture } = stripFurniture(lines(text));
    expect(kept.map((l) => l.text.trim()).filter(Boolean)).toEqual(['正文一', '正文二', '正文三', '正文四', '正文五', '应用场景。']);
    expect(furniture).toContain('Page 2');
    expect(furniture.some((f) => f.includes('2020.11.26'))).toBe(true);
  });

  it('keeps lines that repeat without any page number beside them, such as source credits', () => {
    const text = ['正文。', '来源：人民邮电报', '正文。', '来源：人民邮电报', '正文。', '来源：人民邮电报'].join('\n');
    expect(stripFurniture(lines(text)).lines).toHaveLength(6);
  });
});
