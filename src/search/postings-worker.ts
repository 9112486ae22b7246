import { parentPort, workerData } from 'node:worker_threads';
import { runPostingsTask, type PostingsTask } from './postings-cache.ts';

/**
 * A worker of the cached search build (postings-cache.ts), in a thread of its own: its own
 * heap, so its garbage collector does not walk Eleventy's pages, and the second core does half.
 */
parentPort!.postMessage(runPostingsTask(workerData as PostingsTask));
