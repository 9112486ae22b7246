import { parentPort, workerData } from 'node:worker_threads';
import { relatedArticles, type SimilaritySource } from './related-articles.ts';

/** relatedArticles in a worker thread, while the build's own thread makes the rest of the site model (build-site-model.ts). */
parentPort!.postMessage(relatedArticles(workerData as SimilaritySource[]));
