import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
// Browsers render a line break between two Chinese characters as a visible space.
const BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*([${CJK}])`, 'g');

/** Article body Markdown to HTML, with tables wrapped so wide ones scroll on a phone. */
export function renderMarkdown(source: string, tableLabel = '表格'): string {
  const joined = source.replace(BREAK_BETWEEN_CJK, '$1$2');
  let tables = 0;
  // Each scrolling region is a landmark, and landmarks need names unique on the page, also on an
  // issue's print view where all its articles stand together: the caller names the article.
  return markdown
    .render(joined)
    .replace(/<table>/g, () => `<section class="table-scroll" tabindex="0" aria-label="${tableLabel} ${++tables}"><table>`)
    .replace(/<\/table>/g, '</table></section>');
}
