import { isSection, type SourceLine, type TocEntry } from '../../types.ts';
import { tidySpaces } from '../rules/text.ts';

/** "title<TAB>page", "title.....<TAB>page" or "title......page". */
const ENTRY = /^(.+?)(?:\s*(?:\.{2,}|…+|·{2,}))?\s*(?:\t|\.{2,}|…+)\s*(\d{1,4})\s*$/;
const TOC_HEADING = /^(目\s*录|目\s*次|contents)$/i;

export interface TocSplit {
  toc: TocEntry[];
  /** Lines before the table of contents: the cover, which names the publication. */
  cover: string[];
  /** Every line that is neither cover nor table of contents. */
  rest: SourceLine[];
}

/**
 * Finds the table of contents and takes it out of the text. Lines inside it that are not
 * entries ("快速进入点击页码") are navigation aids of the PDF and go with it.
 */
export function extractToc(lines: SourceLine[]): TocSplit {
  const start = lines.findIndex((l, i) => TOC_HEADING.test(l.text.trim()) && countEntries(lines, i + 1) >= 3);
  if (start < 0) return { toc: [], cover: [], rest: lines };
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i].text.trim();
    if (ENTRY.test(text)) end = i;
    else if (text !== '' && i - end > 4) break;
  }
  const toc: TocEntry[] = [];
  let section: TocEntry['section'] = null;
  for (const { text, line } of lines.slice(start + 1, end + 1)) {
    const match = ENTRY.exec(text.trim());
    if (!match) continue;
    const title = tidySpaces(match[1]);
    if (isSection(title)) {
      section = title;
      continue;
    }
    toc.push({ title, section, page: Number(match[2]), line });
  }
  return {
    toc,
    cover: lines.slice(0, start).map((l) => l.text.trim()).filter(Boolean),
    rest: lines.slice(end + 1),
  };
}

function countEntries(lines: SourceLine[], from: number): number {
  return lines.slice(from, from + 20).filter((l) => ENTRY.test(l.text.trim())).length;
}
