import { SECTIONS } from '../types.ts';
import { sidecarFor, type BulletinReport, type IngestResult } from './ingest-run.ts';

const indent = (text: string, by: string) => text.split('\n').map((l) => by + l).join('\n');

/** One bulletin as the terminal shows it: what was found, then every warning with its correction. */
export function formatReport(report: BulletinReport): string {
  const counts = SECTIONS.map((s) => `${s} ${report.sections[s]}`).join(', ');
  const lines = [
    `${report.source}: issue ${report.meta.issue}, ${report.meta.date}, ${report.meta.publication}${report.sidecar ? ` (corrections: ${report.sidecar})` : ''}`,
    `  ${report.articles} articles${report.sectionsInferred ? ' (sections inferred)' : ''}: ${counts}`,
  ];
  for (const w of report.warnings) {
    const where = w.file === report.source ? (w.line === null ? '' : `line ${w.line}: `) : `${w.file}${w.line === null ? '' : `:${w.line}`}: `;
    lines.push(`  warning [${w.kind}] ${where}${w.message}`);
    if (w.correction) lines.push(`    to correct it, add to ${sidecarFor(report.source)}:`, indent(w.correction, '      '));
  }
  return lines.join('\n');
}

/** The whole run: problems (then nothing was written), or the bulletins and what changed. */
export function formatResult(result: IngestResult, outDir: string): { out: string; err: string } {
  const notices = result.notices.map((n) => `notice: ${n}`);
  if (result.errors.length > 0) {
    const n = result.errors.length;
    return { out: '', err: [...notices, `ingest: ${n} problem${n > 1 ? 's' : ''}; nothing was written to ${outDir}/`, '', ...result.errors.map((e) => e.message)].join('\n') };
  }
  const shown = result.reports.filter((r) => result.ingested.includes(r.source));
  const summary = result.changed
    ? `${result.written} articles written to ${outDir}/ (${result.removed} replaced)${result.unpublished.length ? `; unpublished: ${result.unpublished.join(', ')}` : ''}; ${result.reports.length - shown.length} bulletins unchanged`
    : `${outDir}/ is up to date: ${result.reports.length} bulletin${result.reports.length === 1 ? '' : 's'} unchanged since the last ingest, nothing to write`;
  return { out: [...shown.map(formatReport), '', summary].join('\n'), err: notices.join('\n') };
}
