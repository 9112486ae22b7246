import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SECTIONS, type IngestWarning } from '../types.ts';
import { MANIFEST, sidecarFor, type BulletinReport } from './ingest-run.ts';

export interface ReviewBulletin {
  report: BulletinReport;
  sections: { name: string; count: number }[];
  sidecar: string;
  groups: { kind: string; warnings: IngestWarning[] }[];
}

export interface ReviewData {
  bulletins: ReviewBulletin[];
  /** Problems of the last run, which published nothing. */
  errors: string[];
  notices: string[];
  /** Warnings of every bulletin together, for the summary. */
  warningCount: number;
  builtAt: string;
}

/** What the review page shows: every published bulletin's report from the manifest, warnings grouped by kind. */
export async function reviewData(outDir: string, last: { errors: string[]; notices: string[] }): Promise<ReviewData> {
  const manifest = await readFile(join(outDir, MANIFEST), 'utf8').then((t) => JSON.parse(t) as { bulletins: Record<string, { report: BulletinReport }> }, () => ({ bulletins: {} }));
  const bulletins = Object.values(manifest.bulletins)
    .map((e) => e.report)
    .sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.source.localeCompare(b.source))
    .map((report) => {
      const kinds = [...new Set(report.warnings.map((w) => w.kind))];
      return {
        report,
        sidecar: sidecarFor(report.source),
        sections: SECTIONS.map((name) => ({ name, count: report.sections[name] })),
        groups: kinds.map((kind) => ({ kind, warnings: report.warnings.filter((w) => w.kind === kind) })),
      };
    });
  const warningCount = bulletins.reduce((sum, b) => sum + b.report.warnings.length, 0);
  return { bulletins, errors: last.errors, notices: last.notices, warningCount, builtAt: new Date().toISOString() };
}
