import { parentPort } from 'node:worker_threads';
import type { KeptJob, KeptReply } from '../../worker-thread.ts';
import { plainText } from '../content/text-stats.ts';
import { articleFeatures, relatedByFeatures, type ArticleFeatures } from './related-articles.ts';

/** What the worker is given: each article's Markdown body, whose plain text it compares here. */
export interface RelatedJob {
  issue: string;
  date: string;
  title: string;
  body: string;
}

/**
 * Each article's features from the last job, by its body (and title): the worker is kept
 * between npm start's builds (KeptWorker), and one more issue then reads only its own articles'
 * text. Features are numbered per thread, so they are only ever used here.
 */
let known = new Map<string, { title: string; features: ArticleFeatures }[]>();

function featuresOf(jobs: RelatedJob[]): ArticleFeatures[] {
  const next = new Map<string, { title: string; features: ArticleFeatures }[]>();
  const features = jobs.map(({ title, body }) => {
    const same = (entry: { title: string }) => entry.title === title;
    const kept = next.get(body)?.find(same) ?? known.get(body)?.find(same);
    const entry = kept ?? { title, features: articleFeatures(title, plainText(body)) };
    const list = next.get(body) ?? [];
    if (!list.includes(entry)) list.push(entry);
    next.set(body, list);
    return entry.features;
  });
  known = next;
  return features;
}

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
