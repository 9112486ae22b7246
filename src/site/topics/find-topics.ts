import { articleSlug } from '../../ingest/rules/slug.ts';
import { readIgnoredTerms, readLexicon, TOPIC_KINDS, type LexiconEntry, type TopicKind } from './lexicon.ts';
import { countTerm, foldedTerm, foldText, hanziRuns } from './text-features.ts';

/** What topic finding needs of an article: the site model's article, with its plain text. */
export interface TopicSource {
  url: string;
  issue: string;
  title: string;
  subtitle?: string;
  headings: string[];
  text: string;
}

export interface FoundTopic {
  name: string;
  kind: TopicKind;
  kindLabel: string;
  slug: string;
  /** Indexes into the article list given, in its order. */
  articles: number[];
}

/** A topic is shown only when at least this many articles are about it. */
export const MIN_ARTICLES = 2;
/** A mention in the body alone counts when it is repeated: one passing mention is not the subject. */
const BODY_MENTIONS = 2;

/** Recurring terms: hanzi n-grams of these lengths, in the headlines of enough articles and issues. */
const RECURRING = { minLength: 3, maxLength: 6, minArticles: 3, minIssues: 2 };
/** Characters a term does not start or end with: function words and measure words cut mid-phrase. */
const EDGE = /^[业的了和与及在是为对将等年月日个并或也从向由把被其该各中上下]|[的了和与及在是为对将等个并或也从向由把被其该各发]$/u;

interface Candidate {
  name: string;
  terms: string[];
  kind: TopicKind;
}

function headline(article: TopicSource): string {
  return foldText([article.title, article.subtitle ?? '', ...article.headings].join('\n'));
}

/** Is the article about the candidate: named in its headline or subheadings, or repeated in its text. */
function isAbout(article: { head: string; body: string }, candidate: Candidate): boolean {
  let mentions = 0;
  for (const term of candidate.terms) {
    if (countTerm(article.head, term) > 0) return true;
    mentions += countTerm(article.body, term);
  }
  return mentions >= BODY_MENTIONS;
}

/**
 * Terms that recur in the headlines of several articles from several issues and that the
 * lexicon does not already cover: the bulletin's own running subjects. Only maximal n-grams
 * are kept (a shorter one found exactly where a longer one is found adds nothing).
 */
export function recurringTerms(articles: TopicSource[], lexicon: LexiconEntry[], ignoredTerms: string[] = []): string[] {
  const seen = new Map<string, { articles: Set<number>; issues: Set<string>; left: Set<string>; right: Set<string> }>();
  articles.forEach((article, index) => {
    for (const run of hanziRuns(headline(article))) {
      const chars = Array.from(run);
      for (let n = RECURRING.minLength; n <= RECURRING.maxLength; n++) {
        for (let i = 0; i + n <= chars.length; i++) {
          const gram = chars.slice(i, i + n).join('');
          const entry = seen.get(gram) ?? { articles: new Set(), issues: new Set(), left: new Set(), right: new Set() };
          entry.articles.add(index);
          entry.issues.add(article.issue);
          // What stands beside the gram ("^"/"$" at a run's edge): a word is met in varied company.
          entry.left.add(chars[i - 1] ?? '^');
          entry.right.add(chars[i + n] ?? '$');
          seen.set(gram, entry);
        }
      }
    }
  });
  const known = lexicon.flatMap((entry) => [entry.name, ...entry.aliases]).map(foldText);
  const ignored = new Set(ignoredTerms.map(foldText));
  const frequent = [...seen.entries()].filter(
    ([gram, { articles: a, issues, left, right }]) =>
      a.size >= RECURRING.minArticles && issues.size >= RECURRING.minIssues && !EDGE.test(gram) && !ignored.has(gram) &&
      // Always preceded or followed by the same character: a piece of a longer word ("工智能产业").
      left.size > 1 && right.size > 1 &&
      !known.some((term) => term.includes(gram) || gram.includes(term)),
  );
  return frequent
    .filter(([gram, { articles: a }]) => !frequent.some(([longer, other]) => longer !== gram && longer.includes(gram) && other.articles.size >= a.size))
    .map(([gram]) => gram)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Pinyin slugs, never empty, unique across topics. */
function assignSlugs(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = articleSlug(name, 12) === 'article' ? 'topic' : articleSlug(name, 12);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/** Between two articles' texts in the joined text: no folded term holds it, so no match spans two articles. */
const APART = '\u0000';

/**
 * Which articles hold any of the terms at all, found by one scan of all the articles' folded
 * text per term; isAbout then counts only in those. Asking every article about every candidate
 * (about 900 candidates × 3,400 articles at 120 issues) was most of the time of topic finding.
 */
function articlesMentioning(folded: { head: string; body: string }[]): (terms: string[]) => number[] {
  const starts: number[] = [];
  let length = 0;
  for (const { head, body } of folded) {
    starts.push(length);
    length += head.length + body.length + 2 * APART.length;
  }
  const joined = folded.map(({ head, body }) => head + APART + body + APART).join('');
  /** The article whose text holds the offset: the last start at or before it. */
  const articleAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return (terms) => {
    const found = new Set<number>();
    for (const term of terms) {
      const needle = foldedTerm(term);
      if (!needle) continue;
      if (needle.includes(APART)) return folded.map((_, index) => index);
      for (let at = joined.indexOf(needle); at >= 0; ) {
        const article = articleAt(at);
        found.add(article);
        // One mention is enough to ask isAbout: go on from the next article.
        at = article + 1 < starts.length ? joined.indexOf(needle, starts[article + 1]!) : -1;
      }
    }
    return [...found].sort((a, b) => a - b);
  };
}

/** Every topic of the lexicon or of the recurring terms that at least two articles are about. */
export function findTopics(articles: TopicSource[], lexicon: LexiconEntry[] = readLexicon(), ignoredTerms = readIgnoredTerms()): FoundTopic[] {
  const folded = articles.map((article) => ({ head: headline(article), body: foldText(article.text) }));
  const candidates: Candidate[] = [
    ...lexicon.map((entry) => ({ name: entry.name, terms: [entry.name, ...entry.aliases], kind: entry.kind })),
    ...recurringTerms(articles, lexicon, ignoredTerms).map((term) => ({ name: term, terms: [term], kind: 'recurring' as const })),
  ];
  const mentioning = articlesMentioning(folded);
  const found = candidates
    .map((candidate) => ({
      candidate,
      articles: mentioning(candidate.terms).filter((index) => isAbout(folded[index]!, candidate)),
    }))
    .filter((topic) => topic.articles.length >= MIN_ARTICLES);
  const slugs = assignSlugs(found.map((topic) => topic.candidate.name));
  return found.map(({ candidate, articles: indexes }, i) => ({
    name: candidate.name,
    kind: candidate.kind,
    kindLabel: TOPIC_KINDS[candidate.kind],
    slug: slugs[i]!,
    articles: indexes,
  }));
}
