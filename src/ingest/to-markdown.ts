import matter from 'gray-matter';
import type { Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Article, Block, Bulletin, BulletinMeta, FrontMatter } from '../types.ts';
import { uniqueSlugs } from './rules/slug.ts';

const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', fences: true, rule: '-' });

/** Builds the article body as a Markdown syntax tree, so every character is escaped by remark. */
export function articleTree(article: Article): Root {
  return { type: 'root', children: article.blocks.map(blockNode) };
}

function blockNode(block: Block): RootContent {
  const text = (value: string) => ({ type: 'text' as const, value });
  switch (block.type) {
    case 'subheading':
      return { type: 'heading', depth: 2, children: [text(block.text)] };
    case 'note':
      // Captions and serial markers stay visibly apart from the prose around them.
      return { type: 'paragraph', children: [{ type: 'emphasis', children: [text(block.text)] }] };
    case 'table': {
      const width = Math.max(...block.rows.map((r) => r.length));
      const rows: TableRow[] = block.rows.map((cells) => ({
        type: 'tableRow',
        children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell' as const, children: [text(cells[i] ?? '')] })),
      }));
      return { type: 'table', align: [], children: rows };
    }
    default:
      return { type: 'paragraph', children: [text(block.text)] };
  }
}

export function frontMatterOf(article: Article, meta: BulletinMeta, slug: string): FrontMatter {
  const fm: FrontMatter = {
    title: article.title,
    section: article.section,
    issue: meta.issue,
    date: meta.date,
    publication: meta.publication,
    source: meta.source,
    order: article.order,
    slug,
  };
  if (article.subtitle) fm.subtitle = article.subtitle;
  if (article.sectionInferred) fm.sectionInferred = true;
  if (article.titleInferred) fm.titleInferred = true;
  return fm;
}

export interface ArticleFile {
  path: string;
  content: string;
  frontMatter: FrontMatter;
}

/** Every article of a bulletin as the file ingest writes, each under a slug unique in its issue. */
export function bulletinFiles(bulletin: Pick<Bulletin, 'articles' | 'meta'>): ArticleFile[] {
  const slugs = uniqueSlugs(bulletin.articles.map((a) => a.title));
  return bulletin.articles.map((article, i) => articleFile(article, bulletin.meta, slugs[i]));
}

/** The whole file: YAML front matter, then the body serialised by remark. */
function articleFile(article: Article, meta: BulletinMeta, slug: string): ArticleFile {
  const frontMatter = frontMatterOf(article, meta, slug);
  const body = stringifier.stringify(articleTree(article));
  return { path: `${meta.issue}/${frontMatter.slug}.md`, content: matter.stringify(body, { ...frontMatter }), frontMatter };
}
