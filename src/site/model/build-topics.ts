import { findingsOf, findTopics } from '../topics/find-topics.ts';
import { readIgnoredTerms, readLexicon, TOPIC_KINDS } from '../topics/lexicon.ts';
import type { MonthCount, SiteArticle, SiteModel, SiteTopic, TopicIssue, TopicYear, TopicYearPage } from './types.ts';

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

export function topicYearPath(slug: string, year: string): string {
  return `${topicPath(slug)}${year}/`;
}

/**
 * Topics across issues, computed from the site model's articles (sorted newest first): fills
 * each article's `topics`, and returns the topic pages.
 *
 * A topic's page lists its latest year; each earlier year has a page of its own, which a new
 * issue does not change (a big topic's page held every article of ten years, up to 900 kB, and
 * every page of every topic was rendered again each month). Its chart runs from the topic's
 * first month to its last, for the same reason: a chart to the archive's last month changed
 * every topic's page with each new issue. What topic finding learned is kept in `findingsFile`
 * for the next process, when one is given.
 */
export function buildTopics(articles: SiteArticle[], findingsFile: string | null = null): Pick<SiteModel, 'topics' | 'topicGroups' | 'vocabulary' | 'topicYears'> {
  const lexicon = readLexicon();
  const found = findTopics(articles, lexicon, readIgnoredTerms(), findingsOf(findingsFile));

  const topicYears: TopicYearPage[] = [];
  const topics: SiteTopic[] = found.map((topic) => {
    const list = topic.articles.map((index) => articles[index]!);
    const issues: TopicIssue[] = [];
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
    const byMonth = [...perMonth.keys()].sort();
    const months: MonthCount[] = byMonth.length ? monthSpan(byMonth[0]!, byMonth[byMonth.length - 1]!).map((month) => ({ month, count: perMonth.get(month) ?? 0 })) : [];
    // Issues are newest first, so years come newest first too.
    const years: TopicYear[] = [];
    for (const group of issues) {
      const year = group.date.slice(0, 4);
      const last = years[years.length - 1];
      if (last?.year === year) {
        last.issues.push(group);
        last.count += group.articles.length;
      } else {
        // The latest year is on the topic's own page.
        const url = years.length === 0 ? topicPath(topic.slug) : topicYearPath(topic.slug, year);
        years.push({ year, url, count: group.articles.length, issues: [group] });
      }
    }
    const link = (at: number) => (years[at] ? { year: years[at].year, url: years[at].url } : null);
    years.forEach(({ year, url, issues: yearIssues }, at) => {
      if (at === 0) return;
      topicYears.push({ name: topic.name, slug: topic.slug, kindLabel: topic.kindLabel, topicUrl: topicPath(topic.slug), year, url, issues: yearIssues, newer: link(at - 1), older: link(at + 1) });
    });
    return { name: topic.name, slug: topic.slug, url: topicPath(topic.slug), kind: topic.kind, kindLabel: topic.kindLabel, articles: list, issues, months, latest: years[0]!, earlier: years.slice(1).map(({ year, url, count }) => ({ year, url, count })) };
  });
  topics.sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'zh-CN'));

  // An article lists its topics by kind, then by name: by size, as the topic index lists them,
  // the order moved whenever a later issue made one topic overtake another, and with it the page
  // of every older article that names both.
  const kindOrder = Object.keys(TOPIC_KINDS);
  const byKindAndName = [...topics].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN'));
  for (const topic of byKindAndName) {
    for (const article of topic.articles) article.topics.push({ name: topic.name, url: topic.url });
  }
  const topicGroups = Object.entries(TOPIC_KINDS)
    .map(([kind, label]) => ({ kind, label, topics: topics.filter((topic) => topic.kind === kind) }))
    .filter((group) => group.topics.length > 0);
  const vocabulary = [...new Set([...topics.map((t) => t.name), ...lexicon.flatMap((entry) => [entry.name, ...entry.aliases])])].sort();
  return { topics, topicGroups, vocabulary, topicYears };
}
