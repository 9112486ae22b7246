import { parentPort } from 'node:worker_threads';
import type { KeptJob, KeptReply } from '../../worker-thread.ts';
import { plainText } from '../content/text-stats.ts';
import { KeptByText } from './kept-by-text.ts';
import { articleFeatures, relatedByFeatures, type ArticleFeatures } from './related-articles.ts';

/** What the worker is given: each article's Markdown body, whose plain text it compares here. */
export interface RelatedJob {
  issue: string;
  date: string;
  title: string;
  body: string;
}

/**
 * Each article's features from the last job, by its body and title: the worker is kept between
 * npm start's builds (KeptWorker), and one more issue then reads only its own articles' text.
 * Features are numbered per thread, so they are only ever used here.
 */
const known = new KeptByText<ArticleFeatures>();

const featuresOf = (jobs: RelatedJob[]) =>
  known.map(jobs, (job) => job.body, (job) => job.title, ({ title, body }) => articleFeatures(title, plainText(body)));

/**
 * relatedArticles in a worker thread, while the build's own thread makes the rest of the site
 * model (build-site-model.ts). The plain text is made here too: the build's own thread makes it
 * again only for articles its cache does not hold.
 */
parentPort!.on('message', ({ id, data }: KeptJob<RelatedJob[]>) => {
  let reply: KeptReply;
  try {
    reply = { id, result: relatedByFeatures(data, featuresOf(data)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
