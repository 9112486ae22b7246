import { Worker } from 'node:worker_threads';

/**
 * Runs one of our TypeScript modules in a worker thread (tsx registered there too), handing it
 * `data` as its workerData, and resolves with the first message it posts: its own heap, and
 * the other core, for work that needs nothing of the thread that started it.
 */
export function runInWorker<T>(module: URL, data: unknown): Promise<T> {
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => register())
  .then(() => import(${JSON.stringify(module.href)}));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the worker of ${module.pathname} stopped with code ${code}`)));
  });
}
