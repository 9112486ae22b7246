import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The kinds of topic an analyst follows; the lexicon file has one list per kind. */
export const TOPIC_KINDS = {
  organisations: '机构与企业',
  places: '地区',
  technologies: '技术',
  recurring: '反复出现的词',
} as const;
export type TopicKind = keyof typeof TOPIC_KINDS;

export interface LexiconEntry {
  name: string;
  aliases: string[];
  kind: TopicKind;
}

const LEXICON_FILE = fileURLToPath(new URL('./lexicon.json', import.meta.url));

/** The curated lexicon (src/site/topics/lexicon.json), checked as it is read. */
export function readLexicon(file = LEXICON_FILE): LexiconEntry[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const entries: LexiconEntry[] = [];
  const problems: string[] = [];
  for (const kind of ['organisations', 'places', 'technologies'] as const) {
    const list = raw[kind];
    if (!Array.isArray(list)) {
      problems.push(`"${kind}" must be a list of { "name": …, "aliases": [...] }`);
      continue;
    }
    list.forEach((item: { name?: unknown; aliases?: unknown }, index) => {
      if (typeof item?.name !== 'string' || !item.name.trim()) {
        problems.push(`${kind}[${index}] has no "name": give it the topic's name as a string`);
        return;
      }
      const aliases = item.aliases ?? [];
      if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
        problems.push(`${kind}[${index}] (${item.name}): "aliases" must be a list of strings`);
        return;
      }
      entries.push({ name: item.name.trim(), aliases: aliases as string[], kind });
    });
  }
  if (problems.length) throw new Error(`${file}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return entries;
}

/** Phrases that recur in headlines without being a subject ("同比增长"): never made topics. */
export function readIgnoredTerms(file = LEXICON_FILE): string[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { ignore?: unknown };
  const list = raw.ignore ?? [];
  if (!Array.isArray(list) || list.some((term) => typeof term !== 'string')) {
    throw new Error(`${file}: "ignore" must be a list of strings (phrases never made topics)`);
  }
  return list as string[];
}
