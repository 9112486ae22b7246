import { describe, expect, it } from 'vitest';
import { KeptByText } from '../../../src/site/topics/kept-by-text.ts';

type Item = { text: string; title: string };
const item = (text: string, title: string): Item => ({ text, title });

describe('values kept by text from one call to the next', () => {
  const counting = () => {
    const made: string[] = [];
    const kept = new KeptByText<{ from: string }>();
    const run = (items: Item[]) => kept.map(items, (i) => i.text, (i) => i.title, (i) => (made.push(`${i.title}/${i.text}`), { from: `${i.title}/${i.text}` }));
    return { made, run };
  };

  it('makes a value once for the same text and title, within a call and in the next', () => {
    const { made, run } = counting();
    const first = run([item('正文甲', '标题一'), item('正文甲', '标题一'), item('正文乙', '标题二')]);
    expect(first[0]).toBe(first[1]);
    const second = run([item('正文乙', '标题二'), item('正文甲', '标题一')]);
    expect(second).toEqual([first[2], first[0]]);
    expect(made).toEqual(['标题一/正文甲', '标题二/正文乙']);
  });

  it('tells apart the same text made with another title', () => {
    const { made, run } = counting();
    run([item('正文甲', '标题一')]);
    const [other] = run([item('正文甲', '标题三')]);
    expect(other).toEqual({ from: '标题三/正文甲' });
    expect(made).toHaveLength(2);
  });

  it('keeps only what the last call asked for', () => {
    const { made, run } = counting();
    run([item('正文甲', '标题一')]);
    run([item('正文乙', '标题二')]);
    run([item('正文甲', '标题一')]);
    expect(made).toEqual(['标题一/正文甲', '标题二/正文乙', '标题一/正文甲']);
  });
});
