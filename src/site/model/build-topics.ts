import { findTopics } from '../topics/find-topics.ts';
import { readLexicon, TOPIC_KINDS } from '../topics/lexicon.ts';
import type { MonthCount, SiteArticle, SiteModel, SiteTopic } from './types.ts';

export function topicPath(slug: string): string {
  return `/topics/${slug}/`;
}

/** Every month from the first to the last, as "YYYY-MM". */
function monthSpan(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = last.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Fills each article's `related` from relatedArticles' indexes into the same list. */
export function linkRelated(articles: SiteArticle[], found: { index: number }[][]): void {
  found.forEach((related, i) => {
    articles[i]!.related = related.map(({ index }) => {
      const other = articles[index]!;
      return { title: other.title, url: other.url, date: other.date, publication: other.publication, section: other.section };
    });
  });
}

/**
 * Topics across issues, computed from the site model's articles (sorted newest first): fills
 * each article's `topics`, and returns the topic pages.
 */
export function buildTopics(articles: SiteArticle[]): Pick<SiteModel, 'topics' | 'topicGroups' | 'vocabulary'> {
  const lexicon = readLexicon();
  const found = findTopics(articles, lexicon);
  const dates = articles.map((article) => article.date.slice(0, 7)).sort();
  const span = dates.length ? monthSpan(dates[0]!, dates[dates.length - 1]!) : [];

  const topics: SiteTopic[] = found.map((topic) => {
    const list = topic.articles.map((index) => articles[index]!);
    const issues: SiteTopic['issues'] = [];
    for (const article of list) {
      const last = issues[issues.length - 1];
      if (last?.issue === article.issue) last.articles.push(article);
      else issues.push({ issue: article.issue, date: article.date, publication: article.publication, url: article.issueUrl, articles: [article] });
    }
    const perMonth = new Map<string, number>();
    for (const article of list) {
      const month = article.date.slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    const months: MonthCount[] = span.map((month) => ({ month, count: perMonth.get(month) ?? 0 }));
    return { name: topic.name, slug: topic.slug, url: topicPath(topic.slug), kind: topic.kind, kindLabel: topic.kindLabel, articles: list, issues, months };
  });
  topics.sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'zh-CN'));

  for (const topic of topics) {
    for (const article of topic.articles) article.topics.push({ name: topic.name, url: topic.url });
  }
  const topicGroups = Object.entries(TOPIC_KINDS)
    .map(([kind, label]) => ({ kind, label, topics: topics.filter((topic) => topic.kind === kind) }))
    .filter((group) => group.topics.length > 0);
  const vocabulary = [...new Set([...topics.map((t) => t.name), ...lexicon.flatMap((entry) => [entry.name, ...entry.aliases])])].sort();
  return { topics, topicGroups, vocabulary };
}
