/**
 * Ingest benchmark: decode → normalise → structure → Markdown for every bulletin in seeds/,
 * repeated, reporting median and p95 per bulletin. A script, not a timed test.
 *   npx tsx scripts/bench-ingest.ts [runs]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestBulletin } from '../src/ingest/pipeline.ts';
import { bulletinFiles } from '../src/ingest/to-markdown.ts';

const runs = Number(process.argv[2] ?? 20);
const names = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const inputs = names.map((name) => ({ name, bytes: readFileSync(join('seeds', name)) }));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];

function ingestAll(): number[] {
  return inputs.map(({ name, bytes }) => {
    const start = performance.now();
    const bulletin = ingestBulletin(name, bytes);
    bulletinFiles(bulletin);
    return performance.now() - start;
  });
}

ingestAll(); // warm-up: module loading and JIT are not what an editor waits for twice
const samples = Array.from({ length: runs }, ingestAll);
console.log(`ingest benchmark, ${runs} runs after one warm-up`);
console.log('bulletin                      KB   p50 ms   p95 ms');
inputs.forEach(({ name, bytes }, i) => {
  const times = samples.map((s) => s[i]);
  console.log(`${name.padEnd(28)}${String(Math.round(bytes.length / 1024)).padStart(4)}${percentile(times, 0.5).toFixed(1).padStart(9)}${percentile(times, 0.95).toFixed(1).padStart(9)}`);
});
const totals = samples.map((s) => s.reduce((a, b) => a + b, 0));
console.log(`all ${inputs.length} bulletins: p50 ${percentile(totals, 0.5).toFixed(1)} ms, p95 ${percentile(totals, 0.95).toFixed(1)} ms`);
