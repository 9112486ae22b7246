import { parentPort, workerData } from 'node:worker_threads';
import type { SearchDoc } from '../types.ts';
import { collectPostings } from './build-index.ts';

/**
 * One part of the postings, in a thread of its own: its own heap, so its garbage collector
 * does not walk Eleventy's pages, and the second core does half of the terms.
 */
const { docs, part, parts } = workerData as { docs: SearchDoc[]; part: number; parts: number };
parentPort!.postMessage(collectPostings(docs, part, parts));
