import type { Article, ArticleCorrection, Block, IngestWarning } from '../../types.ts';
import { compact } from '../rules/text.ts';

/** Shorter than this, a `match:` (or a headlines: entry) would name articles or lines it was not meant for. */
export const MIN_MATCH_LENGTH = 4;

/** The problem with an entry too short to name one article or line. */
export const tooShort = (wanted: string) => `is too short to tell (${wanted.length} characters; give at least ${MIN_MATCH_LENGTH})`;

const openingWords = (article: Article): string => {
  const first = article.blocks.find((b) => b.type !== 'table');
  return first && 'text' in first ? first.text : '';
};

/**
 * Applies the editor's per-article corrections, in the order written, to the assembled articles.
 * An article is named by its title (as published, or as first found) or its opening words. A
 * correction that names no article, or several, is reported with its line and changes nothing.
 */
export function applyArticleCorrections(articles: Article[], corrections: ArticleCorrection[]): { articles: Article[]; warnings: IngestWarning[] } {
  let list = articles.map((a) => ({ ...a, blocks: [...a.blocks] }));
  const warnings: IngestWarning[] = [];
  const unmatched = (c: ArticleCorrection, problem: string, fix: string) =>
    warnings.push({ kind: 'correction-unmatched', file: c.file, line: c.line, message: `articles correction "${c.match}" ${problem}; nothing was changed by it; ${fix}` });

  for (const correction of corrections) {
    const wanted = compact(correction.match);
    // Too short to tell is its own problem: it may well match several articles, not none.
    if (wanted.length < MIN_MATCH_LENGTH) {
      unmatched(correction, tooShort(wanted), 'give more of the title or of the opening words');
      continue;
    }
    const hits = list.flatMap((a, i) => ([a.title, a.urlTitle ?? '', openingWords(a)].some((t) => t !== '' && compact(t).startsWith(wanted)) ? [i] : []));
    if (hits.length !== 1) {
      const problem = hits.length === 0 ? 'matches no article' : `matches ${hits.length} articles (${hits.map((i) => `"${list[i].title}", line ${list[i].line}`).join('; ')})`;
      unmatched(correction, problem, 'give more of the title or of the opening words');
      continue;
    }
    const index = hits[0];
    const article = list[index];
    if (correction.drop) {
      list.splice(index, 1);
      continue;
    }
    if (correction.mergeWithPrevious) {
      if (index === 0) {
        unmatched(correction, 'names the first article, which has none before it', 'remove merge-with-previous');
        continue;
      }
      const previous = list[index - 1];
      // Its headline was a subheading of the story before it: it stays, as a subheading.
      const heading: Block[] = article.titleInferred ? [] : [{ type: 'subheading', text: article.title, line: article.line }];
      previous.blocks = [...previous.blocks, ...heading, ...(article.subtitle ? [{ type: 'paragraph' as const, text: article.subtitle, line: article.line }] : []), ...article.blocks];
      list.splice(index, 1);
      continue;
    }
    if (correction.splitAt !== undefined) {
      const at = compact(correction.splitAt);
      const cuts = article.blocks.flatMap((b, i) => (b.type !== 'table' && i > 0 && compact(b.text).startsWith(at) ? [i] : []));
      if (at.length < MIN_MATCH_LENGTH || cuts.length !== 1) {
        const problem = at.length < MIN_MATCH_LENGTH ? tooShort(at) : cuts.length === 0 ? 'names no line after the first of that article' : `names ${cuts.length} lines of it`;
        unmatched(correction, `split-at "${correction.splitAt}" ${problem}`, 'give the line as printed, or more of its opening words');
        continue;
      }
      const cut = article.blocks[cuts[0]] as Exclude<Block, { type: 'table' }>;
      const rest: Article = { title: cut.text, section: article.section, sectionInferred: article.sectionInferred, order: 0, line: cut.line, blocks: article.blocks.slice(cuts[0] + 1) };
      article.blocks = article.blocks.slice(0, cuts[0]);
      list.splice(index + 1, 0, rest);
    }
    if (correction.title !== undefined && correction.title !== article.title) {
      // The URL is made from the title first found, so renaming an article does not move it.
      article.urlTitle ??= article.title;
      article.title = correction.title;
      delete article.titleInferred;
    }
    if (correction.subtitle !== undefined) article.subtitle = correction.subtitle;
    if (correction.section !== undefined) {
      article.section = correction.section;
      article.sectionInferred = false;
    }
  }
  list = list.map((a, i) => ({ ...a, order: i + 1 }));
  return { articles: list, warnings };
}
