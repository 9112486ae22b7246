import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeMatter } from '../../src/frontmatter.ts';
import { MANIFEST, runIngest } from '../../src/publish/ingest-run.ts';
import { inventBulletin } from './invent-bulletin.ts';

const bulletin = inventBulletin({
  publication: '示范行业月报',
  date: '2021-03-05',
  articles: [
    { section: '产业环境', title: '某市推进数字经济发展', body: ['某市出台多项措施，推动数字经济发展。'] },
    { section: '产业环境', title: '专家称下半场为时尚早', body: ['专家认为，相关产业仍处在起步阶段。'] },
    { section: '企业情报', title: '某公司云市占率三成', body: ['某公司发布第三季度报告，云服务收入增长。'] },
    { section: '企业情报', title: '某省发布数字经济行动计划', body: ['计划提出到二〇二五年的发展目标。', '重点任务是建设网络', '任务包括建设新一代通信网络。'] },
    { section: '企业情报', title: '欢迎投稿', body: ['来稿请寄本刊编辑部。'] },
  ],
});

async function published(out: string): Promise<{ path: string; title: string; section: string; subtitle?: string; body: string }[]> {
  const entries = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.md'));
  const files = await Promise.all(entries.map(async (e) => ({ path: join(e.parentPath, e.name).slice(out.length + 1), parsed: safeMatter(await readFile(join(e.parentPath, e.name), 'utf8')) })));
  return files
    .sort((a, b) => Number(a.parsed.data.order) - Number(b.parsed.data.order))
    .map(({ path, parsed }) => ({ path, title: parsed.data.title, section: parsed.data.section, ...(parsed.data.subtitle ? { subtitle: parsed.data.subtitle } : {}), body: parsed.content.trim() }));
}

async function setUp(sidecar: string) {
  const dir = await mkdtemp(join(tmpdir(), 'corrections-'));
  await mkdir(join(dir, 'seeds'));
  await writeFile(join(dir, 'seeds/m.txt'), bulletin);
  const out = join(dir, 'content');
  const before = await runIngest({ paths: [join(dir, 'seeds')], outDir: join(dir, 'uncorrected') });
  expect(before.errors).toEqual([]);
  await writeFile(join(dir, 'seeds/m.yml'), sidecar);
  const result = await runIngest({ paths: [join(dir, 'seeds')], outDir: out });
  expect(result.errors).toEqual([]);
  /** A rebuild from scratch: the manifest gone, so every bulletin is read again. */
  const rebuild = async () => {
    await rm(join(out, MANIFEST));
    const again = await runIngest({ paths: [join(dir, 'seeds')], outDir: out });
    expect(again.ingested).toHaveLength(1);
    return published(out);
  };
  return { dir, out, result, uncorrected: await published(join(dir, 'uncorrected')), rebuild };
}

describe('corrections in seeds/<name>.yml', () => {
  it('merge-with-previous joins a story to the one before it, and survives a rebuild', async () => {
    const { out, rebuild } = await setUp('articles:\n  - match: 专家称下半场\n    merge-with-previous: true\n');
    const articles = await published(out);
    expect(articles.map((a) => a.title)).not.toContain('专家称下半场为时尚早');
    expect(articles[0].body).toMatch(/某市出台多项措施[\s\S]*## 专家称下半场为时尚早[\s\S]*相关产业仍处在起步阶段/);
    expect(await rebuild()).toEqual(articles);
  });

  it('title, subtitle and section rename and refile a story, which keeps its URL, and survive a rebuild', async () => {
    const { out, uncorrected, rebuild } = await setUp('articles:\n  - match: 某公司云市占率\n    title: 某公司云服务市场占有率达三成\n    subtitle: ——第三季度报告发布\n    section: 技术情报\n');
    const renamed = (await published(out)).find((a) => a.title === '某公司云服务市场占有率达三成')!;
    expect(renamed).toMatchObject({ subtitle: '——第三季度报告发布', section: '技术情报' });
    expect(renamed.path).toBe(uncorrected.find((a) => a.title === '某公司云市占率三成')!.path);
    expect(await rebuild()).toEqual(await published(out));
  });

  it('drop removes the back-page notice, and survives a rebuild', async () => {
    const { out, rebuild } = await setUp('articles:\n  - match: 欢迎投稿\n    drop: true\n');
    expect((await published(out)).map((a) => a.title)).not.toContain('欢迎投稿');
    expect((await rebuild()).map((a) => a.title)).not.toContain('欢迎投稿');
  });

  it('split-at opens a story of its own at a line inside one, and survives a rebuild', async () => {
    const { out, rebuild } = await setUp('articles:\n  - match: 某省发布数字经济\n    split-at: 重点任务是建设网络\n');
    const titles = (await published(out)).map((a) => a.title);
    expect(titles.indexOf('重点任务是建设网络')).toBe(titles.indexOf('某省发布数字经济行动计划') + 1);
    expect((await rebuild()).map((a) => a.title)).toEqual(titles);
  });

  it('publication and date in the correction file win over what the bulletin prints', async () => {
    const { out } = await setUp('publication: 另一份月报\ndate: 2021-04-30\n');
    const [first] = await readdir(out).then((names) => names.filter((n) => !n.startsWith('.')));
    const file = (await readdir(join(out, first)))[0];
    expect(safeMatter(await readFile(join(out, first, file), 'utf8')).data).toMatchObject({ publication: '另一份月报', date: '2021-04-30' });
  });

  it('a correction that matches nothing is reported with its line and changes nothing', async () => {
    const { out, result, uncorrected } = await setUp('publication: 示范行业月报\narticles:\n  - match: 没有这篇文章\n    drop: true\n');
    expect(result.reports[0].warnings).toContainEqual(expect.objectContaining({ kind: 'correction-unmatched', line: 3, file: expect.stringMatching(/m\.yml$/) }));
    expect((await published(out)).map((a) => a.title)).toEqual(uncorrected.map((a) => a.title));
  });

  it('a misspelt key stops the ingest with the file, the line and the allowed keys, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corrections-'));
    await mkdir(join(dir, 'seeds'));
    await writeFile(join(dir, 'seeds/m.txt'), bulletin);
    await writeFile(join(dir, 'seeds/m.yml'), 'publication: 示范行业月报\nheadline:\n  - 某条标题\n');
    const result = await runIngest({ paths: [join(dir, 'seeds')], outDir: join(dir, 'content') });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/m\.yml:2: unknown key "headline" \(did you mean "headlines"\?\)\n  → the keys allowed are publication, date, issue, headlines, not-headlines, articles/);
    await expect(readdir(join(dir, 'content'))).rejects.toThrow();
  });
});
