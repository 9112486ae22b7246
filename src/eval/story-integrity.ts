import type { Article, Block } from '../types.ts';
import type { LabelledBulletinKey } from './labels.ts';

/** One story as the key says it should come out: its title and every sentence of its text, in order. */
export interface StoryKey {
  title: string;
  sentences: string[];
}

export interface StoryIntegrity {
  /** Share of the key's text (by characters) found in the article the key says it belongs to. */
  integrity: number;
  /** Share of the key's text (by characters) found in some article. */
  coverage: number;
  /** Sentences found, but in another story's article: where stories were spliced. */
  misplaced: { story: string; foundIn: string; sentence: string }[];
  /** Sentences found in no article at all. */
  lost: { story: string; sentence: string }[];
  /** Furniture lines (as printed) found in an article's text. */
  furnitureInBodies: string[];
  /** Lines the key puts in no story (the back page) found as a block of an article. */
  outsideInBodies: string[];
}

/** Spacing is layout, not text: every comparison is made with it removed. */
export const squeeze = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

/** Splits text into sentences after a full stop, question or exclamation mark (and any closing quote). */
export function sentencesOf(text: string): string[] {
  return squeeze(text)
    .split(/(?<=[。！？!?][”’」』）)]*)(?![”’」』）)])/u)
    .filter((s) => s.length > 0);
}

function blockText(block: Block): string {
  return 'text' in block ? block.text : block.rows.flat().join('');
}

/** An article's whole text as a reader sees it: headline, subtitle, body, in order. */
export function articleText(article: Article): string {
  return squeeze([article.titleInferred ? '' : article.title, article.subtitle ?? '', ...article.blocks.map(blockText)].join(''));
}

/** The digit-free shape of a line: page numbers and dates change from page to page. */
export const furnitureShape = (text: string) => squeeze(text.replace(/\d+/g, '#'));

/**
 * The story key of a labelled bulletin: each article's spans of source lines, furniture lines
 * left out, joined and cut into sentences. A sentence a column break cut in two is whole here,
 * because the spans put its two parts together.
 */
/** The printed lines the key calls furniture. */
export function furnitureLinesOf(sourceText: string, key: LabelledBulletinKey): string[] {
  const shapes = new Set((key.furniture ?? []).map(furnitureShape));
  return sourceText.split('\n').filter((l) => l.trim() !== '' && shapes.has(furnitureShape(l)));
}

/** The printed lines the key puts in no story: the back page. */
export function outsideLinesOf(sourceText: string, key: LabelledBulletinKey): string[] {
  const lines = sourceText.split('\n');
  return (key.outside ?? []).flatMap(([from, to]) => lines.slice(from - 1, to)).filter((l) => l.trim() !== '');
}

export function keyFromLabels(sourceText: string, key: LabelledBulletinKey): StoryKey[] {
  const lines = sourceText.split('\n');
  const furniture = new Set((key.furniture ?? []).map(furnitureShape));
  return key.articles.map((article) => {
    if (!article.spans) throw new Error(`label "${article.title}" has no spans: add the source lines of its story`);
    const text = article.spans.flatMap(([from, to]) => lines.slice(from - 1, to)).filter((l) => !furniture.has(furnitureShape(l))).join('');
    return { title: article.title, sentences: sentencesOf(text) };
  });
}

/**
 * Measures where every sentence of the key ended up. A sentence counts for its story when the
 * article matched to that story (by order of first appearance of its text) holds it; each
 * article is matched to the story whose text it holds most of.
 */
export function storyIntegrity(articles: Article[], key: StoryKey[], furnitureLines: string[] = [], outsideLines: string[] = []): StoryIntegrity {
  const texts = articles.map(articleText);
  const whole = texts.join('\u0000');
  // Which article holds each sentence (the first, in reading order, that holds it).
  const home = key.map((story) => story.sentences.map((s) => texts.findIndex((t) => t.includes(s))));
  // Match each story to the article that holds the largest share of its text.
  const owner = key.map((story, k) => {
    const weight = new Map<number, number>();
    story.sentences.forEach((s, j) => {
      const a = home[k][j];
      if (a >= 0) weight.set(a, (weight.get(a) ?? 0) + s.length);
    });
    return [...weight].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? -1;
  });
  // One article can be the home of one story only: the one of which it holds most text.
  const held = new Map<number, { story: number; weight: number }>();
  owner.forEach((a, k) => {
    if (a < 0) return;
    const weight = key[k].sentences.reduce((sum, s, j) => sum + (home[k][j] === a ? s.length : 0), 0);
    const prior = held.get(a);
    if (!prior || weight > prior.weight) held.set(a, { story: k, weight });
  });
  let total = 0;
  let right = 0;
  let found = 0;
  const misplaced: StoryIntegrity['misplaced'] = [];
  const lost: StoryIntegrity['lost'] = [];
  key.forEach((story, k) => {
    const mine = owner[k] >= 0 && held.get(owner[k])?.story === k ? owner[k] : -1;
    story.sentences.forEach((sentence, j) => {
      total += sentence.length;
      const inMine = mine >= 0 && texts[mine].includes(sentence);
      if (inMine) right += sentence.length;
      if (inMine || home[k][j] >= 0 || whole.includes(sentence)) found += sentence.length;
      else lost.push({ story: story.title, sentence });
      if (!inMine && home[k][j] >= 0) misplaced.push({ story: story.title, foundIn: articles[home[k][j]].title, sentence });
    });
  });
  // A furniture line is found in an article when its text is, or (too short to search for alone,
  // "12") when a block is nothing else.
  const furnitureInBodies = [...new Set(furnitureLines.map((f) => f.trim()))].filter((f) => {
    const s = squeeze(f);
    return s.length >= 4 ? texts.some((t) => t.includes(s)) : articles.some((a) => a.blocks.some((b) => 'text' in b && squeeze(b.text) === s));
  });
  // A back-page line is found in an article when a block is that line (a notice, a slogan).
  const blocks = new Set(articles.flatMap((a) => a.blocks.map((b) => squeeze(blockText(b)))));
  const outsideInBodies = [...new Set(outsideLines.map((l) => l.trim()))].filter((l) => blocks.has(squeeze(l)));
  return { integrity: total === 0 ? 1 : right / total, coverage: total === 0 ? 1 : found / total, misplaced, lost, furnitureInBodies, outsideInBodies };
}
