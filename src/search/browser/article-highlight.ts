import { matchRanges } from '../highlight.ts';
import { parseQuery } from '../tokenizer.ts';

/** URL parameter that carries the query from a search result to the article page. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Marks the query's matches in the article and scrolls to the first. Works on text nodes
 * only, wrapping matches in <mark>, so the article's markup and escaping are untouched.
 */
export function highlightArticle(container: Element, query: string): HTMLElement | null {
  const words = parseQuery(query);
  if (words.length === 0) return null;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  let first: HTMLElement | null = null;
  for (const node of textNodes) {
    const ranges = matchRanges(node.data, words);
    let leftmost: HTMLElement | null = null;
    // Right to left, so earlier offsets stay valid while the node is split.
    for (const [start, end] of ranges.reverse()) {
      const match = node.splitText(start);
      match.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      match.replaceWith(mark);
      mark.append(match);
      leftmost = mark;
    }
    first ??= leftmost;
  }
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.setAttribute('tabindex', '-1');
  }
  return first;
}
