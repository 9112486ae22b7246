import { Worker } from 'node:worker_threads';

/** The code a worker starts with: tsx registered, then the module. */
const bootstrap = (module: URL) => `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => register())
  .then(() => import(${JSON.stringify(module.href)}));`;

/**
 * Runs one of our TypeScript modules in a worker thread (tsx registered there too), handing it
 * `data` as its workerData, and resolves with the first message it posts: its own heap, and
 * the other core, for work that needs nothing of the thread that started it.
 */
export function runInWorker<T>(module: URL, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(module), { eval: true, workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the worker of ${module.pathname} stopped with code ${code}`)));
  });
}

/** What a kept worker's module is sent, and answers. */
export interface KeptJob<T = unknown> {
  id: number;
  data: T;
}
export type KeptReply<R = unknown> = { id: number; result: R } | { id: number; error: string };

/**
 * One of our modules in a worker thread kept for the life of the process, answering one job
 * after another: npm start's warm Eleventy process then neither starts a thread nor loads the
 * module for each build, and the module may keep what it learned from one job for the next.
 * The module answers each KeptJob it is sent with a KeptReply. The thread keeps the process
 * alive only while a job runs: a build that has finished exits as it did.
 */
export class KeptWorker {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly module: URL) {}

  run<R>(data: unknown): Promise<R> {
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, data } satisfies KeptJob);
    });
  }

  private start(): Worker {
    const worker = new Worker(bootstrap(this.module), { eval: true });
    worker.unref();
    worker.on('message', (reply: KeptReply) => {
      const job = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.result);
    });
    // A thread that fails or stops fails its jobs; the next job starts another.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the worker of ${this.module.pathname} stopped with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
