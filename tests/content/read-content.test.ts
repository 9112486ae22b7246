import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, readContent } from '../../src/content/read-content.ts';
import { collectDocs } from '../../src/search/collect-docs.ts';
import { buildSiteModel } from '../../src/site/model/build-site-model.ts';

const frontMatter = (fields: Record<string, string | number>) =>
  Object.entries({ title: '标题', section: '技术情报', issue: '2020-11-x', date: '2020-11-01', publication: '刊名', source: 'a.txt', order: 1, slug: '01-biao-ti', ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'read-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path.split('/')[0]!), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the one reader of content/', () => {
  it('refuses front matter written as JavaScript instead of running it', () => {
    const marker = join(tmpdir(), `ran-${process.pid}-${Date.now()}`);
    const dir = contentDir({
      '2020-11-x/a.md': `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 't') }\n---\n正文。\n`,
    });
    expect(() => readContent(dir)).toThrow(/"js" is refused.*only YAML/s);
    expect(existsSync(marker)).toBe(false);
  });

  it('reports every broken file together, each with its file and the line of the bad key', () => {
    const dir = contentDir({
      '2020-11-x/a.md': `---\n${frontMatter({ section: '其他' })}\n---\n正文。\n`,
      '2020-11-x/b.md': `---\n${frontMatter({ slug: '标题', order: 2 })}\n---\n正文。\n`,
    });
    let error: unknown;
    try {
      readContent(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as Error).message;
    expect(message).toMatch(/2 problems/);
    expect(message).toContain(`${join(dir, '2020-11-x/a.md')}:3: unknown section "其他"`);
    expect(message).toContain(`${join(dir, '2020-11-x/b.md')}:9: slug "标题"`);
  });

  it('gives site and search one order: newest date first, then the later issue of one date, then printed order', async () => {
    const dir = contentDir({
      '2020-11-a/1.md': `---\n${frontMatter({ issue: '2020-11-a', slug: 'a1', title: '甲一' })}\n---\n正文。\n`,
      '2020-11-a/2.md': `---\n${frontMatter({ issue: '2020-11-a', slug: 'a2', title: '甲二', order: 2 })}\n---\n正文。\n`,
      '2020-11-b/1.md': `---\n${frontMatter({ issue: '2020-11-b', slug: 'b1', title: '乙一' })}\n---\n正文。\n`,
      '2020-12-c/1.md': `---\n${frontMatter({ issue: '2020-12-c', slug: 'c1', title: '丙一', date: '2020-12-01' })}\n---\n正文。\n`,
    });
    const read = readContent(dir).map((a) => a.frontMatter.title);
    expect(read).toEqual(['丙一', '乙一', '甲一', '甲二']);
    expect((await collectDocs(dir)).map((d) => d.title)).toEqual(read);
    expect(buildSiteModel(readContent(dir)).articles.map((a) => a.title)).toEqual(read);
  });

  it('turns an unquoted YAML date into YYYY-MM-DD once, for the site and the search alike', async () => {
    const dir = contentDir({ '2020-11-x/a.md': `---\n${frontMatter({ date: '2020-11-05' })}\n---\n正文。\n` });
    expect(readContent(dir)[0]!.frontMatter.date).toBe('2020-11-05');
    expect((await collectDocs(dir))[0]!.date).toBe('2020-11-05');
  });

  it('reads a folder again once a file in it has changed', () => {
    const dir = contentDir({ '2020-11-x/a.md': `---\n${frontMatter({})}\n---\n正文。\n` });
    expect(readContent(dir)[0]!.frontMatter.title).toBe('标题');
    writeFileSync(join(dir, '2020-11-x/a.md'), `---\n${frontMatter({ title: '新的标题' })}\n---\n正文。\n`);
    expect(readContent(dir)[0]!.frontMatter.title).toBe('新的标题');
  });

  it('reads a file once while it is unchanged, whether the folder is named relatively or absolutely, and forgets a removed one', () => {
    const dir = contentDir({
      '2020-11-x/a.md': `---\n${frontMatter({})}\n---\n正文。\n`,
      '2020-11-x/b.md': `---\n${frontMatter({ title: '第二篇', order: 2, slug: '02-di-er' })}\n---\n正文。\n`,
    });
    const first = readContent(dir);
    const again = readContent(relative(process.cwd(), dir));
    expect(again[0]).toBe(first[0]);
    writeFileSync(join(dir, '2020-11-x/b.md'), `---\n${frontMatter({ title: '改过的第二篇', order: 2, slug: '02-di-er' })}\n---\n正文。\n`);
    const edited = readContent(dir);
    expect(edited[0]).toBe(first[0]);
    expect(edited[1]!.frontMatter.title).toBe('改过的第二篇');
    rmSync(join(dir, '2020-11-x/a.md'));
    expect(readContent(dir).map((a) => a.frontMatter.title)).toEqual(['改过的第二篇']);
  });

  it('reads a broken file again every time, so its problem is reported until it is fixed', () => {
    const dir = contentDir({ '2020-11-x/a.md': `---\n${frontMatter({ order: 0 })}\n---\n正文。\n` });
    expect(() => readContent(dir)).toThrow(/order "0"/);
    expect(() => readContent(dir)).toThrow(/order "0"/);
  });

  it('reads only the articles, leaving links someone put into content/ alone, a dangling one too', () => {
    const dir = contentDir({ '2020-11-x/a.md': `---\n${frontMatter({})}\n---\n正文。\n` });
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    symlinkSync(join(dir, '2020-11-x'), join(dir, 'linked-issue'));
    symlinkSync(join(dir, '2020-11-x/a.md'), join(dir, '2020-11-x/b.md'));
    expect(readContent(dir).map((article) => article.file)).toEqual([join(dir, '2020-11-x/a.md')]);
  });

  it('gives the search no articles, and the site the fix, when there is no content folder', async () => {
    const missing = join(tmpdir(), 'no-such-content-folder');
    expect(await collectDocs(missing)).toEqual([]);
    expect(() => readContent(missing)).toThrow(/npm run ingest/);
  });
});
