import type { DecodedSource, NormalisedText, SourceLine } from '../../types.ts';
import { stripFurniture } from './furniture.ts';
import { measureWrapStyle, reflowParagraphs } from './reflow.ts';
import { extractToc } from './toc.ts';

/** decode → normalise: furniture and table of contents out, paragraphs reflowed to one line each. */
export function normaliseLines(source: DecodedSource): NormalisedText & { cover: string[] } {
  const lines: SourceLine[] = source.text.split('\n').map((text, i) => ({ text, line: i + 1 + source.lineOffset }));
  const { lines: kept, furniture } = stripFurniture(lines);
  const { toc, cover, rest } = extractToc(kept);
  const style = measureWrapStyle(rest);
  const paragraphs = reflowParagraphs(rest, style);
  return { file: source.file, paragraphs, toc, furniture, cover, overrides: source.overrides };
}
