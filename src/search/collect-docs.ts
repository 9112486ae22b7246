import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { FrontMatter, SearchDoc } from '../types.ts';
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

export function toSearchDoc(fm: FrontMatter, markdown: string): SearchDoc {
  const { headings, body } = extractText(markdown);
  return {
    id: articlePath(fm).slice(1),
    title: fm.title,
    subtitle: fm.subtitle ?? '',
    headings,
    body,
    section: fm.section,
    issue: fm.issue,
    date: String(fm.date),
  };
}

/** Reads every content/<issue>/<slug>.md, newest issue first, in bulletin order. */
export async function collectDocs(contentDir: string): Promise<SearchDoc[]> {
  const docs: { doc: SearchDoc; order: number }[] = [];
  // No content yet (a fresh clone before `npm run ingest`): an empty index, not a failed build.
  const entries = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  const issues = entries.filter((e) => e.isDirectory());
  for (const issue of issues) {
    for (const file of await readdir(join(contentDir, issue.name))) {
      if (!file.endsWith('.md')) continue;
      const parsed = matter(await readFile(join(contentDir, issue.name, file), 'utf8'));
      const fm = parsed.data as FrontMatter;
      // YAML turns an unquoted 2020-11-01 into a Date; the contract wants the string.
      if ((fm.date as unknown) instanceof Date) fm.date = (fm.date as unknown as Date).toISOString().slice(0, 10);
      docs.push({ doc: toSearchDoc(fm, parsed.content), order: Number(fm.order) });
    }
  }
  return docs
    .sort((a, b) => b.doc.date.localeCompare(a.doc.date) || a.doc.issue.localeCompare(b.doc.issue) || a.order - b.order)
    .map(({ doc }) => doc);
}
