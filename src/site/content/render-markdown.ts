import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { articleSlug } from '../../ingest/rules/slug.ts';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
// Browsers render a line break between two Chinese characters as a visible space.
const BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*([${CJK}])`, 'g');
const HAS_HANZI = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * A figure as statistics tables print them: "45.5", "-22.1%", "1,234", "＋3.2个百分点" is not
 * (it reads as text). Such cells are right-aligned in tabular figures and never wrap.
 */
const FIGURE = /^[-+−±]?\d[\d,]*(\.\d+)?\s*(%|‰|万|亿|倍)?$/u;
/** What a table prints for "no figure": it does not make a column textual. */
const PLACEHOLDER = /^[-—–－/…]*$/u;

function cellText(tokens: Token[], open: number): string {
  const inline = tokens[open + 1];
  return inline?.type === 'inline' ? inline.content.trim() : '';
}

function addClass(token: Token, name: string): void {
  const current = token.attrGet('class');
  token.attrSet('class', current ? `${current} ${name}` : name);
}

/**
 * Table cells get classes instead of markdown-it's style="text-align" (a strict CSP blocks
 * style attributes): `num` for every cell of a column of figures, `nowrap` for a cell
 * without Chinese (a URL, a code) that must not break where a phone squeezes it.
 */
function classifyTableCells(tokens: Token[]): void {
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start]!.type !== 'table_open') continue;
    let end = start;
    while (tokens[end]!.type !== 'table_close') end++;
    const rows: { open: number; header: boolean }[][] = [];
    let header = false;
    for (let i = start; i < end; i++) {
      const token = tokens[i]!;
      if (token.type === 'thead_open') header = true;
      if (token.type === 'thead_close') header = false;
      if (token.type === 'tr_open') rows.push([]);
      if (token.type === 'th_open' || token.type === 'td_open') rows[rows.length - 1]!.push({ open: i, header });
    }
    const columns = Math.max(0, ...rows.map((row) => row.length));
    for (let column = 0; column < columns; column++) {
      const cells = rows.map((row) => row[column]).filter((cell) => cell !== undefined);
      const body = cells.filter((cell) => !cell.header).map((cell) => cellText(tokens, cell.open));
      const numeric = body.some((text) => FIGURE.test(text)) && body.every((text) => FIGURE.test(text) || PLACEHOLDER.test(text));
      for (const cell of cells) {
        const token = tokens[cell.open]!;
        const align = /text-align:(\w+)/.exec(token.attrGet('style') ?? '')?.[1];
        if (align) {
          token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
          addClass(token, `align-${align}`);
        }
        const text = cellText(tokens, cell.open);
        if (numeric) addClass(token, 'num');
        else if (text && !cell.header && !HAS_HANZI.test(text)) addClass(token, 'nowrap');
      }
    }
    start = end;
  }
}

/**
 * The numbering styles of Chinese documents, outermost first: 一、 > （一） > 1. > （1）.
 * The bulletin's Markdown writes every subheading as ##; its numbering says its level.
 */
const NUMBERING = [
  /^[一二三四五六七八九十百]+[、.．]/u,
  /^[（(][一二三四五六七八九十百]+[）)]/u,
  /^\d{1,2}[.、．](?!\d)/u,
  /^[（(]\d{1,2}[）)]/u,
];

export interface OutlineEntry {
  /** 2, 3 or 4: the HTML heading level. */
  level: number;
  text: string;
  /** The heading's id: pinyin, never empty (Eleventy's slugify gives "" for Chinese). */
  id: string;
}

function numberingOf(text: string): number {
  return NUMBERING.findIndex((pattern) => pattern.test(text));
}

/** An id for a heading: its pinyin; a prefix where it would start with a digit or be empty. */
function headingId(text: string, taken: Set<string>): string {
  const slug = articleSlug(text, 8);
  const base = slug === 'article' ? 'section' : /^\d/.test(slug) ? `s-${slug}` : slug;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The first item of a numbered run: 一、, （一）, 1. or （1）. */
const FIRST_ITEM = /^(一[、.．]|[（(]一[）)]|1[.、．](?!\d)|[（(]1[）)])/u;

/**
 * Gives subheadings levels by their numbering, relative to the styles the article uses (an
 * article whose outermost numbering is （一） gets h2 for it), and ids for anchors.
 * Unnumbered subheadings are h2. When an unnumbered subheading is followed straight away by
 * the first item of a numbered run (“发展方向” then “（一）…”), that run is its parts, so
 * every numbered style goes one level down.
 */
function outlineHeadings(tokens: Token[]): OutlineEntry[] {
  const headings = tokens.flatMap((token, index) => (token.type === 'heading_open' ? [index] : []));
  const texts = headings.map((open) => cellText(tokens, open));
  const styles = [...new Set(texts.map(numberingOf).filter((style) => style >= 0))].sort();
  const outermost = texts.some((text, i) => numberingOf(text) < 0 && FIRST_ITEM.test(texts[i + 1] ?? '')) ? 3 : 2;
  const taken = new Set<string>();
  return headings.map((open, i) => {
    const text = texts[i]!;
    const style = numberingOf(text);
    const level = style < 0 ? 2 : Math.min(4, outermost + styles.indexOf(style));
    const id = headingId(text, taken);
    const close = tokens.findIndex((token, i) => i > open && token.type === 'heading_close');
    tokens[open]!.tag = `h${level}`;
    tokens[close]!.tag = `h${level}`;
    tokens[open]!.attrSet('id', id);
    return { level, text, id };
  });
}

/** "表3.1 …", "表 2 …", "表一 …": a table's caption, printed just before it. */
const CAPTION = /^(表|图表)\s*[\d一二三四五六七八九十]+([.．-]\d+)*/u;
/** "数据来源：…", "资料来源：…", "注：…": a note printed just after a table. */
const TABLE_NOTE = /^(数据来源|资料来源|来源|注)[：:]/u;

/** Classes a paragraph as a table's caption or note, so print keeps them with their table. */
function markCaptions(tokens: Token[]): void {
  tokens.forEach((token, i) => {
    if (token.type !== 'paragraph_open') return;
    const text = cellText(tokens, i);
    if (CAPTION.test(text) && tokens[i + 3]?.type === 'table_open') addClass(token, 'table-caption');
    if (TABLE_NOTE.test(text) && tokens[i - 1]?.type === 'table_close') addClass(token, 'table-note');
  });
}

export interface RenderedArticle {
  html: string;
  outline: OutlineEntry[];
}

/** Article body Markdown to HTML and its outline; tables wrapped so wide ones scroll on a phone. */
export function renderArticle(source: string, tableLabel = '表格'): RenderedArticle {
  const joined = source.replace(BREAK_BETWEEN_CJK, '$1$2');
  const tokens = markdown.parse(joined, {});
  classifyTableCells(tokens);
  markCaptions(tokens);
  const outline = outlineHeadings(tokens);
  let tables = 0;
  // Each scrolling region is a landmark, and landmarks need names unique on the page, also on an
  // issue's print view where all its articles stand together: the caller names the article.
  const html = markdown.renderer
    .render(tokens, markdown.options, {})
    .replace(/<table>/g, () => `<section class="table-scroll" tabindex="0" aria-label="${tableLabel} ${++tables}"><table>`)
    .replace(/<\/table>/g, '</table></section>');
  return { html, outline };
}

export function renderMarkdown(source: string, tableLabel = '表格'): string {
  return renderArticle(source, tableLabel).html;
}
