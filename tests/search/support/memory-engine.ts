import { buildSearchData } from '../../../src/search/build-index.ts';
import { SearchEngine } from '../../../src/search/engine.ts';
import type { SearchDoc, Section } from '../../../src/types.ts';

/** An engine over in-memory documents, through the same shards the site ships. */
export function memoryEngine(docs: SearchDoc[]): SearchEngine {
  const data = buildSearchData(docs, 'test');
  return new SearchEngine(data.meta, async (k) => data.shards[k]!);
}

let counter = 0;
export function doc(fields: Partial<SearchDoc>): SearchDoc {
  const n = counter++;
  return {
    id: `2020-11-x/${n}/`,
    title: `标题${n}`,
    subtitle: '',
    headings: '',
    body: '',
    section: '产业环境' as Section,
    issue: '2020-11-x',
    date: '2020-11-01',
    ...fields,
  };
}
