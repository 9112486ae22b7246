import type { Bulletin, SourceOverrides } from '../types.ts';
import { assembleArticles } from './stages/assemble-articles.ts';
import { readBulletinMeta } from './stages/bulletin-meta.ts';
import { applyArticleCorrections } from './corrections/apply-corrections.ts';
import { readSidecar } from './corrections/read-sidecar.ts';
import { decodeBulletin } from './decode.ts';
import { StructureError } from './errors.ts';
import { findStructure } from './stages/find-structure.ts';
import { inferSection } from './stages/infer-section.ts';
import { normaliseLines } from './stages/normalise.ts';
import { checkArticles } from './stages/check-articles.ts';

/** The bulletin's correction file (seeds/<name>.yml), when it has one. */
export interface Sidecar {
  file: string;
  text: string;
}

/** What bulletin-meta.ts publishes under when the bulletin names no publication. */
const UNNAMED_PUBLICATION = '未署名简报';

/**
 * The ingest pipeline, stage by stage, with no I/O: bytes in, a structured bulletin out.
 * decode (+ correction file) → normalise (furniture, table of contents, reflow) → structure
 * (headlines) → assemble articles → sections → the editor's article corrections → metadata →
 * review checks.
 */
export function ingestBulletin(file: string, bytes: Uint8Array, sidecar?: Sidecar): Bulletin & { claimedIssue?: string } {
  const decoded = decodeBulletin(file, bytes);
  // The correction file has the last word over the block in the text file.
  if (sidecar) decoded.overrides = mergeOverrides(decoded.overrides, readSidecar(sidecar.file, sidecar.text));
  const normalised = normaliseLines(decoded);
  const structure = findStructure(normalised);
  const assembled = assembleArticles({ ...structure, file });
  if (assembled.articles.length === 0) {
    throw new StructureError(file, null, 'no article headline was found', 'check that this is a bulletin export; headlines must stand on lines of their own');
  }
  const printedSections = structure.kinds.includes('section');
  for (const article of assembled.articles) {
    if (!printedSections) {
      article.section = inferSection(article);
      article.sectionInferred = true;
    }
  }
  const { articles, warnings: correctionWarnings } = applyArticleCorrections(assembled.articles, decoded.overrides.articles ?? []);
  const meta = readBulletinMeta(normalised, file.split(/[\\/]/).pop() ?? file);
  // A source is known by its path: two x.txt in different folders are two bulletins.
  const { dateFrom, ...rest } = meta;
  const bulletinMeta = { ...rest, source: file };
  const missing = { date: dateFrom.startsWith('nowhere'), publication: !decoded.overrides.publication && meta.publication === UNNAMED_PUBLICATION };
  const warnings = checkArticles({ file, articles, structure, meta: bulletinMeta, missing, earlier: [...structure.warnings, ...assembled.warnings, ...correctionWarnings] });
  const colophon = structure.colophon?.map((p) => p.text);
  return { meta: bulletinMeta, articles, warnings, ...(colophon ? { colophon } : {}), ...(decoded.overrides.issue ? { claimedIssue: decoded.overrides.issue } : {}) };
}

function mergeOverrides(block: SourceOverrides, sidecar: SourceOverrides): SourceOverrides {
  return {
    ...block,
    ...sidecar,
    headlines: [...(block.headlines ?? []), ...(sidecar.headlines ?? [])],
    notHeadlines: [...(block.notHeadlines ?? []), ...(sidecar.notHeadlines ?? [])],
    articles: [...(block.articles ?? []), ...(sidecar.articles ?? [])],
  };
}
