import { describe, expect, it } from 'vitest';
import { measureCohesion } from '../../../src/ingest/headlines/cohesion.ts';
import { lineKind } from '../../../src/ingest/rules/line-kinds.ts';

const story = (topic: string, n: number) =>
  Array.from({ length: n }, (_, k) => `${topic}相关工作第${k}次推进，${topic}项目进展顺利，${topic}成效明显。`);

function bulletin(texts: string[]) {
  const paragraphs = texts.map((text, line) => ({ text, line: line + 1 }));
  return { paragraphs, cohesion: measureCohesion(paragraphs, paragraphs.map(lineKind)) };
}

describe('measureCohesion', () => {
  const { paragraphs, cohesion } = bulletin([
    ...story('量子通信', 4),
    '量子通信网络建设提速',
    ...story('量子通信', 4),
    '存储厂商掀起扩产热潮',
    ...story('芯片封装', 4),
  ]);
  const subheading = paragraphs.findIndex((p) => p.text === '量子通信网络建设提速');
  const headline = paragraphs.findIndex((p) => p.text === '存储厂商掀起扩产热潮');

  it('finds the text on both sides of a subheading more alike than across a change of story', () => {
    expect(cohesion.across(subheading, 120)).toBeGreaterThan(0.5);
    expect(cohesion.across(headline, 120)).toBeLessThan(cohesion.across(subheading, 120) / 2);
  });

  it('finds a subheading’s words already used before it, and a new headline’s not', () => {
    expect(cohesion.headingWordsBefore(subheading, 600)).toBeGreaterThan(0.3);
    expect(cohesion.headingWordsBefore(headline, 600)).toBe(0);
  });

  it('does not look across a section heading', () => {
    const { cohesion: sectioned } = bulletin([...story('量子通信', 3), '技术情报', '量子通信网络建设提速', ...story('量子通信', 3)]);
    expect(sectioned.across(4, 600)).toBe(0);
    expect(sectioned.headingWordsBefore(4, 600)).toBe(0);
  });

  it('finds a headline echoed by the subheadings under it, and a subheading not by its siblings', () => {
    const { paragraphs: echoed, cohesion: echoes } = bulletin([
      '量子通信：城域网加速落地',
      ...story('量子通信', 2),
      '运营商扩大试点范围',
      ...story('量子通信', 2),
      '城域网加速落地',
      ...story('量子通信', 2),
    ]);
    const at = (text: string) => echoed.findIndex((p) => p.text === text);
    expect(echoes.echoInNextHeadings(at('量子通信：城域网加速落地'), 3)).toBe(1);
    expect(echoes.echoInNextHeadings(at('运营商扩大试点范围'), 3)).toBe(0);
    expect(echoes.echoInNextHeadings(at('城域网加速落地'), 3)).toBe(0);
  });

  it('stops looking for an echo at a "来源" credit, where the story ends', () => {
    const { cohesion: credited } = bulletin(['量子通信：城域网加速落地', ...story('量子通信', 2), '来源：人民网', '城域网加速落地', ...story('量子通信', 2)]);
    expect(credited.echoInNextHeadings(0, 3)).toBe(0);
  });
});
