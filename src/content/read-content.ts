import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { safeMatter } from '../frontmatter.ts';
import { IngestError } from '../ingest/errors.ts';
import { isSection, type FrontMatter } from '../types.ts';

/**
 * THE reader of content/: the site and the search both take their articles from here, so
 * front matter is parsed and validated once, dates are turned into YYYY-MM-DD once, and
 * both see the articles in one order.
 */
export interface ContentArticle {
  frontMatter: FrontMatter;
  /** The Markdown body, trimmed. */
  body: string;
  file: string;
}

/** A problem in a content file; several are reported together in one error. */
export class ContentError extends IngestError {}

/** Newest issue first; of two issues of the same date, the later id first; within an issue, printed order. */
export function compareContent(a: FrontMatter, b: FrontMatter): number {
  return b.date.localeCompare(a.date) || b.issue.localeCompare(a.issue) || a.order - b.order;
}

const URL_SAFE = /^[a-z0-9][a-z0-9-]*$/i;

export interface ReadOptions {
  /** What a missing content folder means: an error naming the fix (the site), or no articles (the search). */
  missing?: 'throw' | 'empty';
}

/** What a file held when it was last read: kept while its size and time stay the same. */
const readBefore = new Map<string, { size: number; mtimeMs: number; article: ContentArticle | null }>();

/**
 * Every content/<issue>/<slug>.md, parsed, validated and sorted (compareContent). A file whose
 * size and time have not changed since this process last read it is not read again: the site's
 * data and the search plugin of one build read the folder once between them (as a relative
 * and an absolute path: the name is resolved first), and `npm start`'s warm Eleventy process
 * reads only the files a drop-in changed.
 */
export function readContent(contentDir: string, options: ReadOptions = {}): ContentArticle[] {
  contentDir = resolve(contentDir);
  const files = listMarkdownFiles(contentDir, options.missing ?? 'throw');
  const problems: ContentError[] = [];
  const articles: ContentArticle[] = [];
  const seen = new Set(files);
  for (const path of readBefore.keys()) if (path.startsWith(contentDir) && !seen.has(path)) readBefore.delete(path);
  for (const file of files) {
    const info = statSync(file);
    const before = readBefore.get(file);
    if (before && before.size === info.size && before.mtimeMs === info.mtimeMs && before.article) {
      articles.push(before.article);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    let article: ContentArticle | null = null;
    try {
      // safeMatter refuses `---js` front matter instead of running it.
      const parsed = safeMatter(text);
      const frontMatter = toFrontMatter(parsed.data, file, text, problems);
      if (frontMatter) articles.push((article = { frontMatter, body: parsed.content.trim(), file }));
    } catch (error) {
      problems.push(new ContentError(file, 1, `its front matter cannot be read (${(error as Error).message})`, 'fix the YAML block between the --- lines, or ingest the bulletin again'));
    }
    // A file with a problem is read again next time, and reported again.
    if (article) readBefore.set(file, { size: info.size, mtimeMs: info.mtimeMs, article });
    else readBefore.delete(file);
  }
  if (problems.length > 0) {
    const error = new ContentError(problems[0]!.file, problems[0]!.line, `${problems.length} problem${problems.length > 1 ? 's' : ''} in content/:\n${problems.map((p) => p.message).join('\n')}`, 'fix the files named above, or ingest their bulletins again');
    throw error;
  }
  articles.sort((a, b) => compareContent(a.frontMatter, b.frontMatter));
  return articles;
}

/**
 * The articles are the regular `.md` files in the folders of content/. Links and anything else
 * someone put there are left alone (the ingest keeps them), a dangling link included.
 */
function listMarkdownFiles(contentDir: string, missing: 'throw' | 'empty'): string[] {
  let issueDirs: string[];
  try {
    issueDirs = readdirSync(contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') {
      throw new ContentError(contentDir, null, `the content folder cannot be read (${(error as Error).message})`, 'check its permissions, or run `npm run ingest` again');
    }
    if (missing === 'empty') return [];
    throw new ContentError(contentDir, null, 'there is no content folder', 'run `npm run ingest` or set CONTENT_DIR to a folder of articles');
  }
  return issueDirs
    .sort()
    .flatMap((dir) =>
      readdirSync(join(contentDir, dir), { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
        .map((entry) => entry.name)
        .sort()
        .map((name) => join(contentDir, dir, name)),
    );
}

/** YAML hands back a Date for an unquoted date; the contract is a YYYY-MM-DD string. */
function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value ?? '');
}

/** The line of `key:` in the file's front matter, so a problem points at it. */
function lineOf(text: string, key: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${key}:`));
  return at >= 0 ? at + 1 : 1;
}

function toFrontMatter(data: Record<string, unknown>, file: string, source: string, problems: ContentError[]): FrontMatter | null {
  const before = problems.length;
  const fail = (key: string, why: string, fix: string) => problems.push(new ContentError(file, lineOf(source, key), why, fix));
  const text = (key: string): string => {
    if (typeof data[key] === 'string' && data[key]) return data[key] as string;
    fail(key, `missing "${key}"`, `add "${key}: …" to the front matter, or ingest the bulletin again`);
    return '';
  };

  const section = text('section');
  if (section && !isSection(section)) fail('section', `unknown section "${section}"`, 'use one of 产业环境, 运营竞争, 技术情报, 企业情报, 海外借鉴');
  const issue = text('issue');
  const slug = text('slug');
  // A URL segment that is empty or non-ASCII would collide or be percent-encoded.
  if (issue && !URL_SAFE.test(issue)) fail('issue', `issue "${issue}" is not an ASCII URL segment`, 'use lower-case letters, digits and hyphens');
  if (slug && !URL_SAFE.test(slug)) fail('slug', `slug "${slug}" is not an ASCII URL segment`, 'use lower-case letters, digits and hyphens');
  const date = isoDate(data.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('date', `date "${date}" is not YYYY-MM-DD`, 'write the date as YYYY-MM-DD');
  const order = Number(data.order);
  if (!Number.isInteger(order) || order < 1) fail('order', `order "${String(data.order)}" is not a positive integer`, 'number the articles of an issue 1, 2, 3 …');
  const title = text('title');
  const publication = text('publication');
  if (problems.length > before) return null;

  return {
    title,
    ...(typeof data.subtitle === 'string' && data.subtitle ? { subtitle: data.subtitle } : {}),
    section: section as FrontMatter['section'],
    ...(data.sectionInferred === true ? { sectionInferred: true as const } : {}),
    ...(data.titleInferred === true ? { titleInferred: true as const } : {}),
    issue,
    date,
    publication,
    source: String(data.source ?? ''),
    order,
    slug,
  };
}
