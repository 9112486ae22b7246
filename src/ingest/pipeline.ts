import type { Bulletin } from '../types.ts';
import { assembleArticles } from './stages/assemble-articles.ts';
import { readBulletinMeta } from './stages/bulletin-meta.ts';
import { decodeBulletin } from './decode.ts';
import { StructureError } from './errors.ts';
import { findStructure } from './stages/find-structure.ts';
import { inferSection } from './stages/infer-section.ts';
import { normaliseLines } from './stages/normalise.ts';

/**
 * The ingest pipeline, stage by stage, with no I/O: bytes in, a structured bulletin out.
 * decode → normalise (furniture, table of contents, reflow) → structure (headlines) →
 * assemble articles → sections and metadata.
 */
export function ingestBulletin(file: string, bytes: Uint8Array): Bulletin {
  const decoded = decodeBulletin(file, bytes);
  const normalised = normaliseLines(decoded);
  const structure = findStructure(normalised);
  const { articles, warnings } = assembleArticles({ ...structure, file });
  if (articles.length === 0) {
    throw new StructureError(file, null, 'no article headline was found', 'check that this is a bulletin export; headlines must stand on lines of their own');
  }
  const printedSections = structure.kinds.includes('section');
  for (const article of articles) {
    if (!printedSections) {
      article.section = inferSection(article);
      article.sectionInferred = true;
    }
  }
  const meta = readBulletinMeta(normalised, file.split(/[\\/]/).pop() ?? file);
  const metaWarnings = meta.dateFrom.startsWith('nowhere') ? [{ kind: 'no-date' as const, file, line: null, message: 'no date found in the bulletin; add "date: YYYY-MM-DD" front matter' }] : [];
  const { dateFrom: _dateFrom, ...bulletinMeta } = meta;
  const colophon = structure.colophon?.map((p) => p.text);
  return { meta: bulletinMeta, articles, warnings: [...structure.warnings, ...warnings, ...metaWarnings], ...(colophon ? { colophon } : {}) };
}
