/** A kept worker's module for tests: counts its jobs, fails or stops when asked. */
import { parentPort, threadId } from 'node:worker_threads';
import type { KeptJob, KeptReply } from '../../src/worker-thread.ts';

let jobs = 0;
parentPort!.on('message', ({ id, data }: KeptJob<string>) => {
  if (data === 'stop') process.exit(3);
  let reply: KeptReply;
  if (data === 'fail') reply = { id, error: 'asked to fail' };
  else reply = { id, result: { threadId, jobs: ++jobs, echo: data } };
  parentPort!.postMessage(reply);
});
