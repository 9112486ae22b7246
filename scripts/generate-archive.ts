/**
 * `npx tsx scripts/generate-archive.ts N [--out DIR] [--ingest]`
 *
 * A realistic archive of N monthly issues for the benchmark, made from the five seeds: their
 * articles are ingested once, recombined into new issues (about 30 stories each, one month
 * apart, each with its own date and issue id set in a front-matter block), and each issue is
 * printed again as a text file in one of the three layouts the ingester reads, taken in turn:
 * a table of contents, a hard-wrapped PDF extract with page furniture, and a magazine layout
 * with `来源：` credits and no section headings. So the bench ingests what an editor would.
 *
 * Written to .cache/archive-N/text/ (gitignored), never into seeds/. The same N always gives
 * the same files, and issue k is the same in every archive that has it, so an archive of
 * N + 1 issues is the archive of N plus one more issue.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printAsPdfExtract } from '../src/eval/pdf-layout.ts';
import { ingestBulletin } from '../src/ingest/pipeline.ts';
import type { Article, Block, Section } from '../src/types.ts';
import { SECTIONS } from '../src/types.ts';

export const LAYOUTS = ['toc', 'pdf', 'magazine'] as const;
export type Layout = (typeof LAYOUTS)[number];

const STORIES_PER_ISSUE = 30;
const FIRST_YEAR = 2016;
const PUBLICATION = '行业信息监测与市场分析';
const CREDITS = ['人民邮电报', '通信世界网', '中国电子报', '科技日报', '经济参考报', '新华网'];

export interface Story {
  title: string;
  section: Section;
  paragraphs: string[];
}

/** A small seeded generator (mulberry32): the archive must not change between runs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function blockText(block: Block): string[] {
  if (block.type === 'table') return block.rows.map((row) => row.join('  '));
  return [block.text];
}

/** Every story of every seed, read by the real ingester. */
export function storyPool(seedDir: string): Story[] {
  const names = readdirSync(seedDir).filter((n) => /\.txt$/i.test(n)).sort();
  return names.flatMap((name) =>
    ingestBulletin(name, readFileSync(join(seedDir, name))).articles.map((article: Article) => ({
      title: article.title,
      section: article.section,
      // Story text only: the credit line would be printed twice in the magazine layout.
      paragraphs: article.blocks.flatMap(blockText).filter((p) => p.trim() && !/^来源[:：]/.test(p)),
    })),
  );
}

export interface IssuePlan {
  issue: string;
  date: string;
  layout: Layout;
  stories: Story[];
}

/** Issue k (0-based): its month, its layout and its stories, drawn from the pool with a seed of k. */
export function planIssue(pool: Story[], k: number): IssuePlan {
  const year = FIRST_YEAR + Math.floor(k / 12);
  const month = String((k % 12) + 1).padStart(2, '0');
  const next = random(k + 1);
  const picked = new Set<number>();
  while (picked.size < Math.min(STORIES_PER_ISSUE, pool.length)) picked.add(Math.floor(next() * pool.length));
  const stories = [...picked].map((i) => pool[i]!);
  // Bulletins print their sections in the canonical order.
  stories.sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  return { issue: `${year}-${month}-archive`, date: `${year}-${month}-28`, layout: LAYOUTS[k % LAYOUTS.length]!, stories };
}

function bySection(stories: Story[]): [Section, Story[]][] {
  return SECTIONS.map((s) => [s, stories.filter((story) => story.section === s)] as [Section, Story[]]).filter(([, list]) => list.length > 0);
}

function printToc(plan: IssuePlan): string {
  const lines = ['', '', '行业信息监测与市场分析之', '', '信息产业篇', '', '', '', '目录', '', '快速进入点击页码', ''];
  let page = 3;
  const groups = bySection(plan.stories);
  for (const [section, stories] of groups) {
    lines.push(`${section}\t${page}`);
    for (const story of stories) {
      lines.push(`${story.title}.....\t${page}`);
      page += 1 + Math.floor(story.paragraphs.join('').length / 1500);
    }
  }
  lines.push('');
  for (const [section, stories] of groups) {
    lines.push(section, '');
    for (const story of stories) lines.push(story.title, '', ...story.paragraphs.flatMap((p) => [p, '']));
  }
  return lines.join('\n');
}

function printPdf(plan: IssuePlan): string {
  const paragraphs = bySection(plan.stories).flatMap(([section, stories]) => [
    section,
    ...stories.flatMap((story) => [story.title, ...story.paragraphs]),
  ]);
  return printAsPdfExtract(paragraphs, plan.date.replaceAll('-', '.'));
}

/** Magazine layout: narrow lines with a blank line after each, and every story closed by its credit. */
function printMagazine(plan: IssuePlan): string {
  const out: string[] = [];
  const wrap = (paragraph: string) => {
    const chars = Array.from(paragraph);
    for (let i = 0; i < chars.length; i += 24) out.push(chars.slice(i, i + 24).join(''), '');
  };
  plan.stories.forEach((story, i) => {
    out.push(` ${story.title}`, '');
    for (const paragraph of story.paragraphs) wrap(paragraph);
    out.push(`来源：${CREDITS[i % CREDITS.length]}`, '');
  });
  return out.join('\n');
}

export function printIssue(plan: IssuePlan): string {
  const header = `---\npublication: ${PUBLICATION}\ndate: ${plan.date}\nissue: ${plan.issue}\n---\n`;
  const body = plan.layout === 'toc' ? printToc(plan) : plan.layout === 'pdf' ? printPdf(plan) : printMagazine(plan);
  return header + body + '\n';
}

export function issueFileName(k: number): string {
  return `${String(k).padStart(4, '0')}_archive.txt`;
}

/** Writes issues from..to-1 as text files into dir; returns their paths. */
export function writeIssues(pool: Story[], dir: string, from: number, to: number): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let k = from; k < to; k++) {
    const file = join(dir, issueFileName(k));
    writeFileSync(file, printIssue(planIssue(pool, k)));
    files.push(file);
  }
  return files;
}

export function archiveDir(n: number): string {
  return resolve('.cache', `archive-${n}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
  const outIndex = args.indexOf('--out');
  const root = outIndex >= 0 ? resolve(args[outIndex + 1]!) : archiveDir(n);
  const textDir = join(root, 'text');
  rmSync(textDir, { recursive: true, force: true });
  const files = writeIssues(storyPool('seeds'), textDir, 0, n);
  const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  console.log(`${files.length} issues, ${(bytes / 1e6).toFixed(1)} MB of text in ${textDir}`);
  if (args.includes('--ingest')) {
    const content = join(root, 'content');
    rmSync(content, { recursive: true, force: true });
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', textDir, '--out', content], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`ingested into ${content}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
