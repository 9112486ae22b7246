import { dirname, join, basename, resolve } from 'node:path';

/** One lock for everything that writes content/ (and the site built from it): beside it, not in it. */
export const contentLock = (outDir: string) => join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}.lock`);
