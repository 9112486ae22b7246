import { readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface LabelledArticle {
  title: string;
  subtitle?: string;
  section: string;
  line: number;
}

/** Hand-made reference labels for a bulletin (tests/fixtures/labels/<name>.json), if there are any. */
export function readLabels(labelDir: string, source: string): LabelledArticle[] | null {
  const file = join(labelDir, basename(source).replace(/\.txt$/, '.json'));
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { articles: LabelledArticle[] }).articles;
}
