import type { Bulletin } from '../types.ts';

/**
 * Two bulletins of the same month and publication would share an issue id and overwrite each
 * other; the later one (by file name) gets a numbered id instead, with a warning.
 */
export function makeIssuesUnique(bulletins: Bulletin[], takenByOthers: Map<string, string>): void {
  const taken = new Map(takenByOthers);
  for (const bulletin of [...bulletins].sort((a, b) => a.meta.source.localeCompare(b.meta.source))) {
    const wanted = bulletin.meta.issue;
    let issue = wanted;
    for (let n = 2; taken.has(issue) && taken.get(issue) !== bulletin.meta.source; n++) issue = `${wanted}-${n}`;
    if (issue !== wanted) {
      bulletin.warnings.push({ kind: 'issue-id-taken', file: bulletin.meta.source, line: null, message: `issue id ${wanted} is taken by ${taken.get(wanted)}; published as ${issue} (set "issue:" in the correction file, seeds/<name>.yml, to choose)` });
      bulletin.meta.issue = issue;
    }
    taken.set(issue, bulletin.meta.source);
  }
}
