import { parentPort, workerData } from 'node:worker_threads';
import { joinRuns, loadRuns, runPostings, writeRunFile, type PostingsTask } from './postings-cache.ts';

/**
 * A worker of the cached search build (postings-cache.ts), in a thread of its own: its own
 * heap, so its garbage collector does not walk Eleventy's pages, and the second core does half.
 * 'make' tokenises runs into the cache; 'join' joins every run for the terms of its part.
 */
const task = workerData as PostingsTask;
if (task.kind === 'make') {
  for (const { docs, file } of task.runs) {
    try {
      writeRunFile(file, runPostings(docs));
    } catch {
      // Not written (a full disk): the join finds it missing and tokenises the run itself.
    }
  }
  parentPort!.postMessage(null);
} else parentPort!.postMessage(joinRuns(loadRuns(task.sources, task.part), task.part, task.parts));
