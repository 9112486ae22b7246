import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture site, built once per test run; read it with inject('siteDir'). */
    siteDir: string;
  }
}

/** One site build shared by every suite that needs built pages. */
export default function setup(project: TestProject): () => void {
  const siteDir = buildSite();
  project.provide('siteDir', siteDir);
  return () => rmSync(siteDir, { recursive: true, force: true });
}
