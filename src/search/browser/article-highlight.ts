import { wholeMatchRanges } from '../highlight.ts';
import { parseQuery } from '../tokenizer.ts';

/** URL parameter that carries the query from a search result to the article page. */
export const HIGHLIGHT_PARAM = 'highlight';

function button(label: string, action: string): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label, className: 'highlight-button' });
  b.dataset.action = action;
  return b;
}

/** Wraps every whole match of the query in the container's text nodes; returns the marks in order. */
function markMatches(container: Element, query: string): HTMLElement[] {
  const words = parseQuery(query);
  if (words.length === 0) return [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const nodeMarks: HTMLElement[] = [];
    // Right to left, so earlier offsets stay valid while the node is split.
    for (const [start, end] of wholeMatchRanges(node.data, words).reverse()) {
      const match = node.splitText(start);
      match.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      match.replaceWith(mark);
      mark.append(match);
      nodeMarks.unshift(mark);
    }
    marks.push(...nodeMarks);
  }
  return marks;
}

/**
 * Marks the query's whole matches in the article (text nodes only, so markup and escaping
 * are untouched) and adds a bar above it: "第 2/7 处", previous, next and clear. Returns the
 * first mark, or null when there is none.
 */
export function highlightArticle(container: Element, query: string): HTMLElement | null {
  const marks = markMatches(container, query);
  const bar = document.createElement('div');
  bar.className = 'highlight-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '搜索词定位');
  const count = Object.assign(document.createElement('span'), { className: 'highlight-count' });
  count.setAttribute('aria-live', 'polite');
  bar.append(count);
  let current = -1;

  function go(index: number): void {
    marks[current]?.classList.remove('is-current');
    current = (index + marks.length) % marks.length;
    const mark = marks[current]!;
    mark.classList.add('is-current');
    mark.scrollIntoView({ block: 'center' });
    count.textContent = `“${query}” 第 ${current + 1}/${marks.length} 处`;
  }

  function clear(): void {
    for (const mark of marks) {
      const parent = mark.parentNode;
      mark.replaceWith(...mark.childNodes);
      parent?.normalize();
    }
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, '', url.href);
  }

  if (marks.length > 1) bar.append(button('上一处', 'previous'), button('下一处', 'next'));
  bar.append(button('清除标记', 'clear'));
  bar.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'previous') go(current - 1);
    else if (action === 'next') go(current + 1);
    else if (action === 'clear') clear();
  });
  container.prepend(bar);

  if (marks.length === 0) {
    count.textContent = `本文没有完整的“${query}”`;
    return null;
  }
  go(0);
  marks[0]!.setAttribute('tabindex', '-1');
  return marks[0]!;
}
