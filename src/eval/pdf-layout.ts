import { decodeBulletin } from '../ingest/decode.ts';
import { normaliseLines } from '../ingest/stages/normalise.ts';
import { displayWidth } from '../ingest/rules/text.ts';
import type { NormalisedText } from '../types.ts';

/**
 * Prints paragraphs the way the PDF extracts among the seeds do: hard-wrapped at 80 columns
 * with a blank line after every line, a trailing space closing each paragraph, and a block of
 * page furniture (running head, copyright with the date, page number, a lone space) every
 * fifty lines. A table-of-contents bulletin printed this way becomes a PDF-layout bulletin
 * whose headlines are known.
 */
export function printAsPdfExtract(paragraphs: string[], date: string): string {
  const out: string[] = [];
  let page = 1;
  let onPage = 0;
  const emit = (line: string) => {
    out.push(line, '');
    if (++onPage < 50) return;
    out.push('信息产业监测', '', `©2020 询合作需要，特殊定制，未经同意，不得转载。  ${date} `, '', `Page ${page++} `, '', ' ', '');
    onPage = 0;
  };
  for (const paragraph of paragraphs) {
    let line = '';
    for (const ch of paragraph) {
      // Like a PDF, never break inside a Latin word: it runs a little past the margin instead.
      const insideWord = /[A-Za-z0-9]$/.test(line) && /[A-Za-z0-9]/.test(ch);
      if (displayWidth(line + ch) > 80 && !insideWord) {
        emit(line);
        line = '';
      }
      line += ch;
    }
    emit(`${line} `);
  }
  return out.join('\n');
}

/** A bulletin's paragraphs printed again as a PDF extract and read back, table of contents dropped. */
export function reprintedAsPdf(name: string, text: NormalisedText): NormalisedText {
  const printed = printAsPdfExtract(text.paragraphs.map((p) => p.text), '2020.01.01');
  return { ...normaliseLines(decodeBulletin(`reprinted-${name}`, Buffer.from(printed))), toc: [] };
}
