import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
// Browsers render a line break between two Chinese characters as a visible space.
const BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*([${CJK}])`, 'g');

/** Article body Markdown to HTML, with tables wrapped so wide ones scroll on a phone. */
export function renderMarkdown(source: string): string {
  const joined = source.replace(BREAK_BETWEEN_CJK, '$1$2');
  return markdown
    .render(joined)
    .replace(/<table>/g, '<section class="table-scroll" tabindex="0" aria-label="表格"><table>')
    .replace(/<\/table>/g, '</table></section>');
}
