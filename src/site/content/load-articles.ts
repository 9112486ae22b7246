import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { isSection, type FrontMatter } from '../../types.ts';

export interface LoadedArticle {
  frontMatter: FrontMatter;
  body: string;
  file: string;
}

const URL_SAFE = /^[a-z0-9][a-z0-9-]*$/i;

/** Every content/<issue>/<slug>.md file, parsed and checked against the FrontMatter contract. */
export function loadArticles(contentDir: string): LoadedArticle[] {
  return listMarkdownFiles(contentDir).map((file) => {
    const parsed = matter(readFileSync(file, 'utf8'));
    return { frontMatter: toFrontMatter(parsed.data, file), body: parsed.content.trim(), file };
  });
}

function listMarkdownFiles(contentDir: string): string[] {
  let issueDirs: string[];
  try {
    issueDirs = readdirSync(contentDir).filter((name) => statSync(join(contentDir, name)).isDirectory());
  } catch {
    throw new Error(`No content directory at ${contentDir}: run \`npm run ingest\` or set CONTENT_DIR.`);
  }
  return issueDirs
    .sort()
    .flatMap((dir) =>
      readdirSync(join(contentDir, dir))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => join(contentDir, dir, name)),
    );
}

/** YAML may hand back a Date for an unquoted date; the contract is a YYYY-MM-DD string. */
function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value ?? '');
}

function toFrontMatter(data: Record<string, unknown>, file: string): FrontMatter {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  const text = (key: string): string =>
    typeof data[key] === 'string' && data[key] ? (data[key] as string) : fail(`missing "${key}"`);

  const section = text('section');
  if (!isSection(section)) fail(`unknown section "${section}"`);
  const issue = text('issue');
  const slug = text('slug');
  // A URL segment that is empty or non-ASCII would collide or be percent-encoded.
  if (!URL_SAFE.test(issue)) fail(`issue "${issue}" is not an ASCII URL segment`);
  if (!URL_SAFE.test(slug)) fail(`slug "${slug}" is not an ASCII URL segment`);
  const date = isoDate(data.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`date "${date}" is not YYYY-MM-DD`);
  const order = Number(data.order);
  if (!Number.isInteger(order) || order < 1) fail(`order "${String(data.order)}" is not a positive integer`);

  return {
    title: text('title'),
    ...(typeof data.subtitle === 'string' && data.subtitle ? { subtitle: data.subtitle } : {}),
    section: section as FrontMatter['section'],
    ...(data.sectionInferred === true ? { sectionInferred: true as const } : {}),
    ...(data.titleInferred === true ? { titleInferred: true as const } : {}),
    issue,
    date,
    publication: text('publication'),
    source: String(data.source ?? ''),
    order,
    slug,
  };
}
