import { parentPort, workerData } from 'node:worker_threads';
import { plainText } from '../content/text-stats.ts';
import { relatedArticles } from './related-articles.ts';

/** What the worker is given: each article's Markdown body, whose plain text it compares here. */
export interface RelatedJob {
  issue: string;
  date: string;
  title: string;
  body: string;
}

/**
 * relatedArticles in a worker thread, while the build's own thread makes the rest of the site
 * model (build-site-model.ts). The plain text is made here too: the build's own thread makes it
 * again only for articles its cache does not hold.
 */
parentPort!.postMessage(relatedArticles((workerData as RelatedJob[]).map(({ issue, date, title, body }) => ({ issue, date, title, text: plainText(body) }))));
