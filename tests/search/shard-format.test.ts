import { describe, expect, it } from 'vitest';
import { dataScript, dataScriptArguments, decodeLazyPostings, decodeNumbers, decodePostings, encodeNumbers, encodePostings, findPosting, readPositions, shardOf, textName } from '../../src/search/shard-format.ts';

describe('the shard format', () => {
  it('round-trips numbers of any size through the number strings', () => {
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 65_535, 1_000_000, 2 ** 40];
    const text = encodeNumbers(numbers);
    expect(decodeNumbers(text)).toEqual(numbers);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('spends one character on a number below 32', () => {
    expect(encodeNumbers([0, 5, 31])).toHaveLength(3);
    expect(encodeNumbers([32])).toHaveLength(2);
  });

  it('refuses negative and fractional numbers', () => {
    expect(() => encodeNumbers([-1])).toThrow(/non-negative/);
    expect(() => encodeNumbers([1.5])).toThrow(/non-negative/);
  });

  it('round-trips postings per field, with positions for bigrams only', () => {
    const perField = [[{ doc: 3, tf: 2, positions: [4, 200] }], [], [], [{ doc: 3, tf: 1, positions: [7] }, { doc: 40, tf: 3, positions: [1, 2, 900] }]];
    expect(decodePostings(encodePostings(perField, true), 4, true)).toEqual(perField);
    const unigrams = [[{ doc: 0, tf: 5, positions: [] }], [], [{ doc: 9, tf: 1, positions: [] }], []];
    expect(decodePostings(encodePostings(unigrams, false), 4, false)).toEqual(unigrams);
  });

  it("decodes postings without their positions and reads any posting's positions later, as decodePostings would", () => {
    const perField = [
      [{ doc: 3, tf: 2, positions: [4, 200] }, { doc: 70, tf: 1, positions: [5_000] }],
      [],
      [{ doc: 0, tf: 3, positions: [0, 31, 32] }],
      [{ doc: 3, tf: 1, positions: [7] }, { doc: 40, tf: 3, positions: [1, 2, 900] }, { doc: 41, tf: 2, positions: [1_048_576, 1_048_577] }],
    ];
    const lazy = decodeLazyPostings(encodePostings(perField, true), 4, true);
    const eager = decodePostings(encodePostings(perField, true), 4, true);
    eager.forEach((postings, f) => {
      expect([...lazy.fields[f]!.docs], `field ${f}`).toEqual(postings.map((p) => p.doc));
      expect([...lazy.fields[f]!.tfs], `field ${f}`).toEqual(postings.map((p) => p.tf));
      // Read out of order: each read starts from the posting's own offset.
      [...postings.keys()].reverse().forEach((k) => expect(readPositions(lazy, f, k)).toEqual(postings[k]!.positions));
    });
    const unigrams = decodeLazyPostings(encodePostings([[{ doc: 0, tf: 5, positions: [] }], [], [{ doc: 9, tf: 1, positions: [] }], []], false), 4, false);
    expect(unigrams.fields.map((f) => [...f.docs])).toEqual([[0], [], [9], []]);
  });

  it('refuses a postings string with characters left over or cut inside a number', () => {
    const encoded = encodePostings([[{ doc: 3, tf: 1, positions: [40] }], [], [], []], true);
    expect(() => decodeLazyPostings(encoded + 'A', 4, true)).toThrow(/beyond its 4 fields/);
    expect(() => decodeLazyPostings(encoded.slice(0, -1) + 'g', 4, true)).toThrow(/ends inside a number/);
  });

  it("finds a document's posting by binary search, or -1", () => {
    const { fields } = decodeLazyPostings(encodePostings([[1, 4, 9, 16, 25].map((doc) => ({ doc, tf: 1, positions: [0] }))], true), 1, true);
    expect([1, 4, 9, 16, 25].map((doc) => findPosting(fields[0]!, doc))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 5, 26].map((doc) => findPosting(fields[0]!, doc))).toEqual([-1, -1, -1]);
  });

  it('rejects a bigram posting whose positions do not match its frequency', () => {
    expect(() => encodePostings([[{ doc: 1, tf: 2, positions: [3] }]], true)).toThrow(/one position per occurrence/);
  });

  it('spreads neighbouring characters over the shards', () => {
    const used = new Set(Array.from('中国移动通信集团公司华为技术有限公司').map((c) => shardOf(c, 16)));
    expect(used.size).toBeGreaterThan(8);
  });
});

describe('the names of the text files', () => {
  const issues = [
    { id: '2031-03-newer', date: '2031-03-01' },
    { id: '2031-02-older', date: '2031-02-01' },
  ];

  it('names a document by its issue and its position among that issue\'s documents', () => {
    const meta = { issues, docs: [[0, 0], [1, 0], [0, 1], [2, 1], [0, 1]] as [number, number][] };
    expect(meta.docs.map((_, n) => textName(meta, n))).toEqual(['2031-03-newer/0', '2031-03-newer/1', '2031-02-older/0', '2031-02-older/1', '2031-02-older/2']);
  });

  it('keeps an older issue\'s names when a newer issue renumbers its documents', () => {
    const before = { issues: issues.slice(1), docs: [[0, 0], [1, 0]] as [number, number][] };
    const after = { issues: [{ id: '2031-04-newest', date: '2031-04-01' }, ...before.issues], docs: [[0, 0], [0, 0], [0, 0], [0, 1], [1, 1]] as [number, number][] };
    expect([textName(before, 0), textName(before, 1)]).toEqual([textName(after, 3), textName(after, 4)]);
  });
});

describe('the data scripts', () => {
  it('read back as the arguments they were written with, whatever characters the payload holds', () => {
    const payload = [['网络', 'A"B\\C'], ['行\u2028分', ');\n']];
    expect(dataScriptArguments(dataScript('shard', 12, payload), 'shard', 'search/shards/12.js')).toEqual([12, payload]);
  });

  it('are refused when of another kind, cut short or not data scripts at all, naming the file', () => {
    const file = 'search/text/2031-04-x/3.js';
    const script = dataScript('text', '2031-04-x/3', ['slug', '题', '', '文']);
    expect(() => dataScriptArguments(script, 'shard', file)).toThrow(`${file} is not a search data file`);
    expect(() => dataScriptArguments(script.slice(0, -5), 'text', file)).toThrow(file);
    expect(() => dataScriptArguments('<!doctype html><p>Not found</p>', 'text', file)).toThrow('rebuild the site');
  });
});
