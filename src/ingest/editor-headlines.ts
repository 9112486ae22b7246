import type { IngestWarning, LineKind, Paragraph, SourceOverrides } from '../types.ts';
import { MIN_MATCH_LENGTH, tooShort } from './corrections/apply-corrections.ts';
import { compact } from './rules/text.ts';

/**
 * The editor has the last word on splitting: front matter `headlines:` opens an article at each
 * line it names, `not-headlines:` keeps a line inside its article. A line is named by its text
 * as printed, or by its opening words; an entry that names no line, or several, is reported and
 * changes nothing. `named` holds the paragraphs the lists name: the editor has decided them.
 */
export function applyEditorHeadlines(
  file: string,
  overrides: SourceOverrides,
  paragraphs: Paragraph[],
  kinds: LineKind[],
  headlines: number[],
): { headlines: number[]; kinds: LineKind[]; warnings: IngestWarning[]; named: number[] } {
  const warnings: IngestWarning[] = [];
  const named: number[] = [];
  const chosen = new Set(headlines);
  const edited = [...kinds];
  const find = (entry: string, key: string): number | null => {
    const wanted = compact(entry);
    const matches = wanted.length < MIN_MATCH_LENGTH ? [] : paragraphs.flatMap((p, i) => (kinds[i] !== 'section' && kinds[i] !== 'table' && compact(p.text).startsWith(wanted) ? [i] : []));
    if (matches.length === 1) return matches[0];
    const problem =
      wanted.length < MIN_MATCH_LENGTH
        ? tooShort(wanted)
        : matches.length === 0
          ? 'matches no line of the bulletin'
          : `matches ${matches.length} lines (${matches.map((i) => paragraphs[i].line).join(', ')})`;
    warnings.push({ kind: 'correction-unmatched', file, line: null, message: `${key} entry "${entry}" ${problem}; give the line as printed, or more of its opening words` });
    return null;
  };
  for (const entry of overrides.headlines ?? []) {
    const index = find(entry, 'headlines');
    if (index === null) continue;
    named.push(index);
    chosen.add(index);
    edited[index] = 'heading';
  }
  for (const entry of overrides.notHeadlines ?? []) {
    const index = find(entry, 'not-headlines');
    if (index === null) continue;
    named.push(index);
    chosen.delete(index);
  }
  return { headlines: [...chosen].sort((a, b) => a - b), kinds: edited, warnings, named };
}
