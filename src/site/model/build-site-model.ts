import { SECTIONS } from '../../types.ts';
import { chineseMonth } from '../format.ts';
import { compareContent } from '../../content/read-content.ts';
import type { LoadedArticle } from '../content/load-articles.ts';
import { sectionPath, sectionSlug } from '../sections.ts';
import { relatedArticles } from '../topics/related-articles.ts';
import type { RelatedJob } from '../topics/related-worker.ts';
import { articlePath } from '../../urls.ts';
import { KeptWorker } from '../../worker-thread.ts';
import { buildArchive } from './build-archive.ts';
import { buildArticles } from './build-articles.ts';
import { buildTopics, linkRelated } from './build-topics.ts';
import { groupIssues } from './group-issues.ts';
import { paginateSections } from './paginate-sections.ts';
import type { SiteArticle, SiteModel } from './types.ts';

export const SECTION_PAGE_SIZE = 20;

export interface ModelOptions {
  sectionPageSize?: number;
  /** Where each issue's rendered articles are kept between builds (build-articles.ts); none: made every time. */
  cacheDir?: string | null;
  /** Where what topic finding learned is kept for the next process (find-topics.ts TopicFindings); none: in memory only. */
  topicFindingsFile?: string | null;
}

/** Everything the templates render but related articles, computed once per build from the loaded articles. */
function modelWithoutRelated(loaded: LoadedArticle[], { sectionPageSize = SECTION_PAGE_SIZE, cacheDir = null, topicFindingsFile = null }: ModelOptions): SiteModel {
  const articles = buildArticles(loaded, cacheDir);
  const issues = groupIssues(articles);
  const topics = buildTopics(articles, topicFindingsFile);
  return {
    articles,
    issues,
    sectionPages: paginateSections(articles, sectionPageSize),
    sections: SECTIONS.map((section) => ({
      section,
      slug: sectionSlug(section),
      url: sectionPath(section),
      total: articles.filter((article) => article.section === section).length,
    })),
    archive: buildArchive(issues),
    ...topics,
    searchLabels: {
      issues: Object.fromEntries(issues.map((issue) => [issue.issue, `${chineseMonth(issue.date)} · ${issue.publication}`])),
      vocabulary: topics.vocabulary,
    },
  };
}

/** Everything the templates render, computed once per build from the loaded articles. */
export function buildSiteModel(loaded: LoadedArticle[], options: ModelOptions = {}): SiteModel {
  const model = modelWithoutRelated(loaded, options);
  linkRelated(model.articles, relatedArticles(model.articles));
  return model;
}

/** The thread that finds related articles, kept between the builds of a process (npm start's warm one). */
const relatedWorker = new KeptWorker(new URL('../topics/related-worker.ts', import.meta.url));

/** Per article (in the model's order), its related articles' indexes and scores. */
export type RelatedFound = { index: number; score: number }[][];

/** In the model's order (compareContent and compareArticles agree; checked by assertSameOrder), which is the content reader's already. */
const inModelOrder = (loaded: LoadedArticle[]) => [...loaded].sort((a, b) => compareContent(a.frontMatter, b.frontMatter));

/**
 * Related articles of the loaded articles, found in a worker thread from now on: comparing
 * every article with the archive was a third of the model's time at 120 issues, and the other
 * core is mostly free then (the search index of a new issue is small). Started as soon as the
 * articles are read (site-data.ts), it is the model's last part to be ready.
 */
export function relatedInWorker(loaded: LoadedArticle[]): Promise<RelatedFound> {
  const jobs: RelatedJob[] = inModelOrder(loaded).map(({ frontMatter, body }) => ({ issue: frontMatter.issue, date: frontMatter.date, title: frontMatter.title, body }));
  const related = relatedWorker.run<RelatedFound>(jobs);
  // Not unhandled while the model is made; awaited by buildSiteModelInParallel.
  related.catch(() => {});
  return related;
}

/**
 * The same model, with related articles found in a worker thread (relatedInWorker, given the
 * same articles) while this one makes the rest. `meanwhile` is given the model without them,
 * for work that needs none of them while they are still being found.
 */
export async function buildSiteModelInParallel(loaded: LoadedArticle[], options: ModelOptions = {}, related = relatedInWorker(loaded), meanwhile?: (model: SiteModel) => void): Promise<SiteModel> {
  loaded = inModelOrder(loaded);
  const model = modelWithoutRelated(loaded, options);
  assertSameOrder(model.articles, loaded);
  meanwhile?.(model);
  linkRelated(model.articles, await related);
  return model;
}

function assertSameOrder(articles: SiteArticle[], loaded: LoadedArticle[]): void {
  articles.forEach((article, i) => {
    if (article.url !== articlePath(loaded[i]!.frontMatter)) throw new Error(`the site model's article ${i} is ${article.url}, the content reader's ${articlePath(loaded[i]!.frontMatter)}: related articles would be misplaced`);
  });
}
