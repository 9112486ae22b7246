import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sourceVersion } from '../../build-cache.ts';
import { articleSlug } from '../../ingest/rules/slug.ts';
import { readIgnoredTerms, readLexicon, TOPIC_KINDS, type LexiconEntry, type TopicKind } from './lexicon.ts';
import { KeptByText } from './kept-by-text.ts';
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

/** What an article's headline is made of: title, subtitle and subheadings. */
function headSource(article: TopicSource): string {
  return [article.title, article.subtitle ?? '', ...article.headings].join('\n');
}

function headline(article: TopicSource): string {
  return foldText(headSource(article));
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
 * How many distinct values were seen, counted up to `enough`: the filters below ask only
 * whether a gram was met in two issues or beside two characters, never how many. Nearly every
 * headline gram is met once; a set per gram for its issues and neighbours (some hundred thousand
 * grams) was most of the time of finding recurring terms, and its garbage most of the rest.
 */
class Distinct {
  private readonly first: string;
  private more: string[] | null = null;
  constructor(
    first: string,
    private readonly enough: number,
  ) {
    this.first = first;
  }
  add(value: string): void {
    if (!this.more) {
      if (value !== this.first) this.more = [this.first, value];
    } else if (this.more.length < this.enough && !this.more.includes(value)) this.more.push(value);
  }
  get size(): number {
    return this.more ? this.more.length : 1;
  }
}

/** Where a headline gram was met: in how many articles (the last one's index, to count each once), issues and neighbours. */
interface GramSightings {
  articles: number;
  lastArticle: number;
  issues: Distinct;
  left: Distinct;
  right: Distinct;
}

/** Neighbours are asked only whether they vary: more than one. */
const VARIED = 2;

/**
 * Terms that recur in the headlines of several articles from several issues and that the
 * lexicon does not already cover: the bulletin's own running subjects. Only maximal n-grams
 * are kept (a shorter one found exactly where a longer one is found adds nothing).
 */
export function recurringTerms(articles: TopicSource[], lexicon: LexiconEntry[], ignoredTerms: string[] = []): string[] {
  const seen = new Map<string, GramSightings>();
  articles.forEach((article, index) => {
    for (const run of hanziRuns(headline(article))) {
      const chars = Array.from(run);
      // A run of one-unit characters (nearly all) is cut as a string; an astral hanzi takes two units.
      const gramAt = chars.length === run.length ? (i: number, n: number) => run.slice(i, i + n) : (i: number, n: number) => chars.slice(i, i + n).join('');
      for (let n = RECURRING.minLength; n <= RECURRING.maxLength; n++) {
        for (let i = 0; i + n <= chars.length; i++) {
          const gram = gramAt(i, n);
          // What stands beside the gram ("^"/"$" at a run's edge): a word is met in varied company.
          const left = chars[i - 1] ?? '^';
          const right = chars[i + n] ?? '$';
          const entry = seen.get(gram);
          if (!entry) {
            seen.set(gram, {
              articles: 1,
              lastArticle: index,
              issues: new Distinct(article.issue, RECURRING.minIssues),
              left: new Distinct(left, VARIED),
              right: new Distinct(right, VARIED),
            });
            continue;
          }
          // Articles are met in index order: a new one is never among those before the last.
          if (entry.lastArticle !== index) {
            entry.articles++;
            entry.lastArticle = index;
          }
          entry.issues.add(article.issue);
          entry.left.add(left);
          entry.right.add(right);
        }
      }
    }
  });
  const known = lexicon.flatMap((entry) => [entry.name, ...entry.aliases]).map(foldText);
  const ignored = new Set(ignoredTerms.map(foldText));
  const frequent = [...seen.entries()].filter(
    ([gram, { articles: a, issues, left, right }]) =>
      a >= RECURRING.minArticles && issues.size >= RECURRING.minIssues && !EDGE.test(gram) && !ignored.has(gram) &&
      // Always preceded or followed by the same character: a piece of a longer word ("工智能产业").
      left.size >= VARIED && right.size >= VARIED &&
      !known.some((term) => term.includes(gram) || gram.includes(term)),
  );
  // For every gram, the most articles of a longer frequent gram that holds it: a gram is kept
  // when no longer one is met as often (one pass over the substrings, not every pair of grams).
  const longest = new Map<string, number>();
  for (const [longer, { articles: other }] of frequent) {
    const chars = Array.from(longer);
    for (let n = 1; n < chars.length; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        const inside = chars.slice(i, i + n).join('');
        longest.set(inside, Math.max(longest.get(inside) ?? 0, other));
      }
    }
  }
  return frequent
    .filter(([gram, { articles: a }]) => (longest.get(gram) ?? 0) < a)
    .map(([gram]) => gram)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Pinyin slugs, never empty, unique across topics. */
function assignSlugs(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const fromName = articleSlug(name, 12);
    const base = fromName === 'article' ? 'topic' : fromName;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/**
 * Which articles hold a term at all (in their headline or text), found without reading every
 * article for every term (about 800 candidates × 3,400 articles at 120 issues was most of the
 * time of topic finding): one pass over the texts notes, for each pair of neighbouring
 * characters that some term holds, the articles it occurs in; a term is then looked for only
 * in the articles of its rarest pair. isAbout counts only in those it is found in.
 */
function articlesMentioning(folded: { head: string; body: string }[], terms: string[]): (terms: string[]) => number[] {
  const pairKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
  const postings = new Map<number, number[]>();
  // Which code units open and close some term's pair: most pairs of a text are neither, and are
  // passed over without building their key (above 2^31, a slow one for a Map to hash).
  const opens = new Uint8Array(0x10000);
  const closes = new Uint8Array(0x10000);
  for (const term of terms) {
    const needle = foldedTerm(term);
    for (let at = 0; at + 1 < needle.length; at++) {
      postings.set(pairKey(needle, at), []);
      opens[needle.charCodeAt(at)] = 1;
      closes[needle.charCodeAt(at + 1)] = 1;
    }
  }
  folded.forEach(({ head, body }, index) => {
    for (const text of [head, body]) {
      for (let at = 0; at + 1 < text.length; at++) {
        if (!opens[text.charCodeAt(at)] || !closes[text.charCodeAt(at + 1)]) continue;
        const list = postings.get(pairKey(text, at));
        if (list && list[list.length - 1] !== index) list.push(index);
      }
    }
  });
  const holds = (index: number, needle: string) => folded[index]!.head.includes(needle) || folded[index]!.body.includes(needle);
  return (candidateTerms) => {
    const found = new Set<number>();
    for (const term of candidateTerms) {
      const needle = foldedTerm(term);
      if (!needle) continue;
      if (needle.length < 2) {
        folded.forEach((_, index) => holds(index, needle) && found.add(index));
        continue;
      }
      let rarest: number[] | undefined;
      for (let at = 0; at + 1 < needle.length; at++) {
        const list = postings.get(pairKey(needle, at))!;
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const index of rarest!) if (holds(index, needle)) found.add(index);
    }
    return [...found].sort((a, b) => a - b);
  };
}

/** What topic finding learned of one article: its folded text, and which candidates it is about. */
interface ArticleFindings {
  /** The headline it was folded from (title, subtitle, subheadings). */
  headSource: string;
  /** A hash of its headline and text: how the findings file knows it. */
  digest: string;
  head: string;
  body: string;
  /** The candidates (by candidateKey) it was checked against, and those of them it is about. */
  checked: ReadonlySet<string>;
  about: Set<string>;
}

const NOTHING_CHECKED: ReadonlySet<string> = new Set();

/**
 * The findings file: the candidates the last build checked every article against, and per
 * article (by digest) the indexes of those it is about. Under the version of our source, since
 * the code decides what "about" means.
 */
interface StoredFindings {
  version: string;
  checked: string[];
  about: Record<string, number[]>;
}

const digestOf = (head: string, text: string) => createHash('sha256').update(head).update('\0').update(text).digest('base64url').slice(0, 22);

/**
 * Each article's findings, kept from one call of findTopics to the next: npm start's warm
 * Eleventy process finds topics again after every drop-in, and one more issue then needs its
 * own articles checked against every candidate, and the older ones only against the
 * candidates it brought (a term that now recurs). Whether an article is about a candidate
 * depends on those two alone (isAbout), so the topics are those of a fresh search. An article is
 * known by its text and headline; only the last call's articles are kept.
 *
 * With a file, what the last call found is also kept there for the next process: a build run
 * once (npm run build, npm start's first drop-in) checked 3,400 articles against every
 * candidate afresh, a second of a 120-issue build. A file that is missing, unreadable or of
 * another version of the code is a search from scratch, never a different answer.
 */
export class TopicFindings {
  private readonly byText = new KeptByText<ArticleFindings>();
  /** The file's findings, read when this process first needs them. */
  private stored: { checked: ReadonlySet<string>; keys: string[]; about: Record<string, number[]> } | null = null;

  constructor(private readonly file: string | null = null) {}

  /** This call's findings of each article, kept for the next call; those of articles gone are let go. */
  take(articles: TopicSource[]): ArticleFindings[] {
    return this.byText.map(articles, (article) => article.text, headSource, (article) => {
      const head = headSource(article);
      const digest = digestOf(head, article.text);
      const known = this.fromFile()?.about[digest];
      return {
        headSource: head,
        digest,
        head: foldText(head),
        body: foldText(article.text),
        checked: known ? this.stored!.checked : NOTHING_CHECKED,
        about: new Set(known?.map((k) => this.stored!.keys[k]!)),
      };
    });
  }

  private fromFile(): TopicFindings['stored'] {
    if (this.stored || !this.file) return this.stored;
    try {
      const read = JSON.parse(readFileSync(this.file, 'utf8')) as StoredFindings;
      if (read.version === sourceVersion() && Array.isArray(read.checked) && read.about && typeof read.about === 'object') {
        this.stored = { checked: new Set(read.checked), keys: read.checked, about: read.about };
      }
    } catch {
      // None yet, or unreadable: every article is checked afresh.
    }
    return this.stored;
  }

  /** Keeps this call's findings in the file, written aside and renamed: a killed build leaves the old file or none. */
  keep(findings: ArticleFindings[], checked: string[]): void {
    if (!this.file) return;
    const index = new Map(checked.map((key, k) => [key, k]));
    const about: Record<string, number[]> = {};
    for (const f of findings) about[f.digest] = [...f.about].map((key) => index.get(key)!).sort((a, b) => a - b);
    const stored: StoredFindings = { version: sourceVersion(), checked, about };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      // Aside under this process's own name: two builds at once (tests do) never write one file.
      const aside = `${this.file}.${process.pid}.tmp`;
      writeFileSync(aside, JSON.stringify(stored));
      renameSync(aside, this.file);
    } catch {
      // A read-only or full disk: the next process searches afresh.
    }
    // This process goes on from memory; the file is for the next one.
    this.stored = null;
  }
}

/** The findings of this process (see TopicFindings), one per findings file. */
const processFindings = new Map<string | null, TopicFindings>();

/** This process's findings, kept in `file` too when one is given. */
export function findingsOf(file: string | null = null): TopicFindings {
  let findings = processFindings.get(file);
  if (!findings) processFindings.set(file, (findings = new TopicFindings(file)));
  return findings;
}

/** Whether an article is about a candidate depends on its terms alone. */
const candidateKey = (candidate: Candidate) => candidate.terms.join('\u0001');

/** Every topic of the lexicon or of the recurring terms that at least two articles are about. */
export function findTopics(articles: TopicSource[], lexicon: LexiconEntry[] = readLexicon(), ignoredTerms = readIgnoredTerms(), kept: TopicFindings = findingsOf()): FoundTopic[] {
  const findings = kept.take(articles);
  const candidates: Candidate[] = [
    ...lexicon.map((entry) => ({ name: entry.name, terms: [entry.name, ...entry.aliases], kind: entry.kind })),
    ...recurringTerms(articles, lexicon, ignoredTerms).map((term) => ({ name: term, terms: [term], kind: 'recurring' as const })),
  ];
  const keys = candidates.map(candidateKey);
  const checking = new Set(keys);
  // Articles checked against the same candidates before lack the same ones now: all of them
  // for a new article; for one checked before, only the candidates that are new since. Each
  // such group is checked against what it lacks alone.
  const groups = new Map<ReadonlySet<string>, ArticleFindings[]>();
  for (const f of findings) {
    if (f.checked === checking) continue;
    const group = groups.get(f.checked);
    if (group) group.push(f);
    else groups.set(f.checked, [f]);
  }
  for (const [checked, group] of groups) {
    const lacking = candidates.flatMap((candidate, c) => (checked.has(keys[c]!) ? [] : [{ candidate, key: keys[c]! }]));
    if (lacking.length === 0) continue;
    const mentioning = articlesMentioning(group, lacking.flatMap(({ candidate }) => candidate.terms));
    for (const { candidate, key } of lacking) {
      for (const local of mentioning(candidate.terms)) if (isAbout(group[local]!, candidate)) group[local]!.about.add(key);
    }
  }
  for (const f of findings) {
    // What it is about among candidates no longer found would be stale if one came back.
    for (const key of f.about) if (!checking.has(key)) f.about.delete(key);
    f.checked = checking;
  }
  kept.keep(findings, [...checking]);
  const aboutBy = new Map<string, number[]>(keys.map((key) => [key, []]));
  findings.forEach((f, index) => {
    for (const key of f.about) aboutBy.get(key)!.push(index);
  });
  const found = candidates.map((candidate, c) => ({ candidate, articles: aboutBy.get(keys[c]!)! })).filter((topic) => topic.articles.length >= MIN_ARTICLES);
  const slugs = assignSlugs(found.map((topic) => topic.candidate.name));
  return found.map(({ candidate, articles: indexes }, i) => ({
    name: candidate.name,
    kind: candidate.kind,
    kindLabel: TOPIC_KINDS[candidate.kind],
    slug: slugs[i]!,
    articles: [...indexes],
  }));
}
