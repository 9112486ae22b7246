import type { Article, BulletinMeta, IngestWarning, Paragraph, Structure } from '../../types.ts';
import { compact } from '../rules/text.ts';

/**
 * The review checks: what an editor should look at before publishing, each warning with the
 * source line and a ready-to-paste entry for the bulletin's correction file. Nothing here
 * changes the articles; the editor decides.
 */
export interface CheckInput {
  file: string;
  articles: Article[];
  structure: Pick<Structure, 'paragraphs' | 'kinds'>;
  meta: BulletinMeta;
  /** What the meta stage could not find in the bulletin (nor in a correction). */
  missing: { date: boolean; publication: boolean };
  /** Warnings the earlier stages raised, to which a correction is added where one is known. */
  earlier: IngestWarning[];
}

/** A sentence closes with one of these marks, which closing quotes and brackets may follow. */
const SENTENCE_MARK = /[。！？!?…；;.]$/;
const CLOSERS = /[」』”’）)】\]》"']+$/;
/**
 * Whether a paragraph ends a sentence. A closing quote or bracket ends one only after a sentence
 * mark: "…的《指南》" or "…（试行）" is cut off in the middle of a sentence.
 */
export const endsSentence = (text: string) => SENTENCE_MARK.test(text.trimEnd().replace(CLOSERS, ''));
/** Words that carry on a thought begun before: an article does not open with them. */
const CONTINUATION = /^(?:[二三四五六七八九十]是|其[二三四五六七八九十]|其次|再次|最后|此外|另外|同时|而且|并且|但是|然而|因此|所以|以及|此前|对此|为此|[，。、；：）」』”》,.;:)])/;
/** A source credit: the sign that closes a story in the magazine layout. */
const CREDIT = /^[（(]?(?:来源|来源于|信息来源|资料来源)[:：]/;
/** Fewer articles than this, or more, is not a monthly bulletin split right. */
const PLAUSIBLE_ARTICLES = { min: 2, max: 300 };

const yamlString = (text: string) => (/^[\w\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(text) && !/[:#]\s|^[-?!&*|>'"%@`]/.test(text) ? text : JSON.stringify(text));
const matchLine = (text: string) => `  - match: ${yamlString(text.length > 24 ? text.slice(0, 24) : text)}`;
const bodyLength = (article: Article) => article.blocks.reduce((n, b) => n + (b.type === 'table' ? b.rows.flat().join('').length : b.text.length), 0);
const textBlocks = (article: Article) => article.blocks.filter((b): b is Exclude<typeof b, { type: 'table' }> => b.type !== 'table');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

export function checkArticles(input: CheckInput): IngestWarning[] {
  const { file, articles } = input;
  const warnings: IngestWarning[] = input.earlier.map((w) => ({ ...w, correction: w.correction ?? correctionFor(w) }));
  const warn = (kind: IngestWarning['kind'], line: number | null, message: string, correction?: string) => warnings.push({ kind, file, line, message, ...(correction ? { correction } : {}) });

  if (input.missing.date) warn('no-date', null, 'no date found in the bulletin; it would be published as 1970-01-01', 'date: YYYY-MM-DD   # the date printed on the bulletin');
  if (input.missing.publication) warn('no-publication', null, `no publication name found in the bulletin; it would be published as "${input.meta.publication}"`, 'publication: 信息月报   # the name printed on the cover');
  if (articles.length < PLAUSIBLE_ARTICLES.min || articles.length > PLAUSIBLE_ARTICLES.max) {
    warn('article-count', null, `${articles.length} articles is not a plausible monthly bulletin (${PLAUSIBLE_ARTICLES.min}–${PLAUSIBLE_ARTICLES.max} expected); is this one bulletin, split at its headlines?`);
  }

  const lengths = articles.map(bodyLength);
  const typical = median(lengths);
  articles.forEach((article, i) => {
    const blocks = textBlocks(article);
    if (article.sectionInferred) {
      warn('section-inferred', article.line, `"${article.title}" was filed under ${article.section} by its content (the bulletin prints no sections)`, `articles:\n${matchLine(article.title)}\n    section: ${article.section}`);
    }
    if (articles.length >= 4 && (lengths[i] < Math.min(60, typical / 5))) {
      warn('article-short', article.line, `"${article.title}" has ${lengths[i]} characters, against ${typical} for a typical article here: a subheading taken for a headline?`, i > 0 ? `articles:\n${matchLine(article.title)}\n    merge-with-previous: true` : undefined);
    }
    if (articles.length >= 4 && lengths[i] > Math.max(3000, typical * 5)) {
      const heading = blocks.find((b) => b.type === 'subheading');
      warn('article-long', article.line, `"${article.title}" has ${lengths[i]} characters, against ${typical} for a typical article here: two stories run together?`, `articles:\n${matchLine(article.title)}\n    split-at: ${yamlString(heading?.text ?? '（the line that opens the next story）')}`);
    }
    const first = blocks.find((b) => b.type === 'paragraph');
    if (first && CONTINUATION.test(first.text) && i > 0) {
      warn('opens-mid-thought', first.line, `"${article.title}" opens with "${first.text.slice(0, 12)}…", which goes on from something before it`, `articles:\n${matchLine(article.title)}\n    merge-with-previous: true`);
    }
    const last = blocks.at(-1);
    // A cut line is often short enough to pass for a subheading, and a subheading never closes a story.
    // The last article's end is judged with the bulletin's (below).
    if (i < articles.length - 1 && last && (last.type === 'paragraph' || last.type === 'subheading') && !endsSentence(last.text) && !CREDIT.test(last.text)) {
      const next = articles[i + 1];
      warn('ends-unpunctuated', last.line, `"${article.title}" ends without closing punctuation ("…${last.text.slice(-12)}"); does "${next.title}" go on from it?`, `articles:\n${matchLine(next.title)}\n    merge-with-previous: true`);
    }
    blocks.forEach((block, k) => {
      const after = blocks.slice(k + 1).find((b) => b.type === 'paragraph' || b.type === 'subheading');
      if (CREDIT.test(block.text) && after) {
        warn('credit-mid-article', block.line, `a source credit ("${block.text.slice(0, 16)}") stands in the middle of "${article.title}": two stories spliced together?`, `articles:\n${matchLine(article.title)}\n    split-at: ${yamlString(after.text.slice(0, 24))}`);
      }
    });
  });

  const end = bulletinEnd(articles);
  if (end?.kind === 'title') {
    warn('bulletin-cut', end.line, `the bulletin ends on "${end.text.slice(0, 24)}" with no text after it: was the file cut short mid-sentence? Export it again, whole`);
  } else if (end?.kind === 'text' && !endsSentence(end.text) && !CREDIT.test(end.text)) {
    warn('bulletin-cut', end.line, `the bulletin ends mid-sentence ("…${end.text.slice(-12)}"): was the file cut short? Export it again, whole`);
  }

  for (const paragraph of unplaced(input.structure, articles)) {
    warn('text-unplaced', paragraph.line, `"${paragraph.text.slice(0, 24)}" is in no article`, `headlines:\n  - ${yamlString(paragraph.text.slice(0, 24))}`);
  }
  return warnings;
}

/**
 * The last line of the bulletin's text, in source order, wherever it landed: the end of the last
 * article as printed, or a title when the text stops on it (a fragment cut mid-sentence is short
 * and unpunctuated, so it reads as a headline). Furniture, the colophon and dropped articles are
 * in no article and are not looked at. A table or a note ends no sentence and is not judged.
 */
function bulletinEnd(articles: Article[]): { kind: 'title' | 'text' | 'unjudged'; text: string; line: number } | null {
  let end: { kind: 'title' | 'text' | 'unjudged'; text: string; line: number } | null = null;
  // Later entries win ties: a title inferred from a story's first words shares that paragraph's line.
  const consider = (candidate: NonNullable<typeof end>) => {
    if (!end || candidate.line >= end.line) end = candidate;
  };
  for (const article of articles) {
    consider({ kind: 'title', text: article.title, line: article.line });
    for (const block of article.blocks) {
      if (block.type === 'table' || block.type === 'note') consider({ kind: 'unjudged', text: '', line: block.line });
      else consider({ kind: 'text', text: block.text, line: block.line });
    }
  }
  return end;
}

/** Paragraphs whose text ended up in no title, subtitle or block. */
function unplaced(structure: CheckInput['structure'], articles: Article[]): Paragraph[] {
  const placed = new Set<string>();
  for (const a of articles) {
    for (const text of [a.title, a.urlTitle, a.subtitle]) if (text) placed.add(compact(text));
    for (const b of a.blocks) placed.add(compact(b.type === 'table' ? '' : b.text));
  }
  const joined = [...placed].join('\n');
  return structure.paragraphs.filter((p, i) => {
    const kind = structure.kinds[i];
    if (kind === 'section' || kind === 'table') return false;
    const text = compact(p.text);
    return text !== '' && !placed.has(text) && !joined.includes(text);
  });
}

/** The correction file entry that settles a warning an earlier stage raised. */
function correctionFor(warning: IngestWarning): string | undefined {
  const quoted = /"([^"]+)"/.exec(warning.message)?.[1];
  if (!quoted) return undefined;
  switch (warning.kind) {
    case 'close-call':
      return / was taken for a headline/.test(warning.message) ? `not-headlines:\n  - ${yamlString(quoted)}` : `headlines:\n  - ${yamlString(quoted)}`;
    case 'given-up-headline':
      return `headlines:\n  - ${yamlString(quoted)}`;
    case 'headline-not-in-toc':
      return `not-headlines:\n  - ${yamlString(quoted)}`;
    case 'text-before-first-headline':
      return `articles:\n${matchLine(quoted)}\n    title: （the article's title）`;
    case 'untitled-story':
      return undefined;
    default:
      return undefined;
  }
}
