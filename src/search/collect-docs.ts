import { createHash } from 'node:crypto';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { cachedValue, forgetAllBut, isKeptValueFile, pruneUnused } from '../build-cache.ts';
import { readContent, type ContentArticle } from '../content/read-content.ts';
import type { CollectedDocs, SearchDoc } from '../types.ts';
import { articlePath } from '../urls.ts';

/** Node of the Markdown tree, as far as the text extraction needs to know it. */
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
}

function textOf(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  // Cells are joined with a space so that neighbouring cells do not read as one word.
  const separator = node.type === 'tableRow' ? ' ' : '';
  return (node.children ?? []).map(textOf).join(separator);
}

/** Splits a Markdown body into subheadings and plain body text, one block per line. */
export function extractText(markdown: string): { headings: string; body: string } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;
  const headings: string[] = [];
  const body: string[] = [];
  for (const block of tree.children ?? []) {
    if (block.type === 'heading') headings.push(textOf(block));
    else if (block.type === 'table') body.push(...(block.children ?? []).map(textOf));
    else body.push(textOf(block));
  }
  return { headings: headings.join('\n'), body: body.filter((line) => line.trim()).join('\n') };
}

export function toSearchDoc({ frontMatter: fm, body }: ContentArticle): SearchDoc {
  const { headings, body: text } = extractText(body);
  return {
    id: articlePath(fm).slice(1),
    title: fm.title,
    subtitle: fm.subtitle ?? '',
    headings,
    body: text,
    section: fm.section,
    issue: fm.issue,
    date: fm.date,
  };
}

/** Bump when toSearchDoc changes what it makes, so cached documents of the old shape are not used. */
const EXTRACT_VERSION = 1;

export interface CollectOptions {
  /**
   * Where the text extracted from each issue is kept, keyed by a hash of that issue's
   * articles: rebuilding an archive with one more issue parses only that issue's Markdown.
   */
  cacheDir?: string;
}

/** The key of an issue's documents: a hash of its articles. */
function docsKey(articles: ContentArticle[]): string {
  const hash = createHash('sha256').update(String(EXTRACT_VERSION));
  for (const a of articles) hash.update(JSON.stringify(a.frontMatter)).update('\0').update(a.body).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** Every article of content/ as a search document, in the content reader's order. */
export async function collectDocs(contentDir: string, options: CollectOptions = {}): Promise<SearchDoc[]> {
  return (await collectDocsWithDigest(contentDir, options)).docs;
}

/** collectDocs, and a digest of what the documents were made from (CollectedDocs). */
export async function collectDocsWithDigest(contentDir: string, options: CollectOptions = {}): Promise<CollectedDocs> {
  // No content yet (a fresh clone before `npm run ingest`): an empty index, not a failed build.
  const articles = readContent(contentDir, { missing: 'empty' });
  const docs: SearchDoc[] = [];
  const keys: string[] = [];
  // Articles arrive grouped by issue (compareContent sorts by date, then issue).
  for (let start = 0; start < articles.length; ) {
    let end = start;
    while (end < articles.length && articles[end]!.frontMatter.issue === articles[start]!.frontMatter.issue) end++;
    const issue = articles.slice(start, end);
    const key = docsKey(issue);
    keys.push(key);
    const make = () => issue.map(toSearchDoc);
    docs.push(...(options.cacheDir ? cachedValue(options.cacheDir, key, make) : make()));
    start = end;
  }
  if (options.cacheDir) {
    forgetAllBut(options.cacheDir, keys);
    pruneUnused(options.cacheDir, isKeptValueFile);
  }
  return { docs, digest: createHash('sha256').update(keys.join('\n')).digest('hex') };
}
