import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDocs, collectDocsWithDigest, extractText } from '../../src/search/collect-docs.ts';

describe('collecting search documents from content/', () => {
  it('separates subheadings from body text and keeps table cells apart', () => {
    const { headings, body } = extractText('导语。\n\n## 市场格局\n\n正文。\n\n| 指标 | 数值 |\n| --- | --- |\n| 功耗 | 30% |\n');
    expect(headings).toBe('市场格局');
    expect(body).toBe('导语。\n正文。\n指标 数值\n功耗 30%');
  });

  it('keeps markup in an article as text', () => {
    expect(extractText('嵌入了 <script>alert(1)</script> 片段').body).toContain('<script>alert(1)</script>');
  });

  it('reads every fixture article with its URL path as id', async () => {
    const docs = await collectDocs('tests/fixtures/search-content');
    expect(docs).toHaveLength(36);
    const huawei = docs.find((d) => d.title === '华为发布新一代5G基站芯片')!;
    expect(huawei.id).toBe('2020-11-xxcyjc/01-article-0/');
    expect(huawei.headings).toBe('产品特点');
    expect(huawei.date).toBe('2020-11-01');
  });

  it('returns no documents when there is no content yet', async () => {
    expect(await collectDocs('tests/fixtures/no-such-dir')).toEqual([]);
  });

  it('names the documents with a digest that moves with any article and stays when nothing changed, cached or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collect-digest-'));
    try {
      const content = join(dir, 'content');
      cpSync('tests/fixtures/search-content', content, { recursive: true });
      const cacheDir = join(dir, 'cache');
      const first = await collectDocsWithDigest(content, { cacheDir });
      expect(first.docs).toEqual(await collectDocs(content));
      expect((await collectDocsWithDigest(content, { cacheDir })).digest).toBe(first.digest);
      expect((await collectDocsWithDigest(content)).digest).toBe(first.digest);
      const issue = readdirSync(content).sort()[1]!;
      const article = readdirSync(join(content, issue)).sort()[2]!;
      appendFileSync(join(content, issue, article), '\n补记：某企业的产能再增一成。\n');
      const edited = await collectDocsWithDigest(content, { cacheDir });
      expect(edited.digest).not.toBe(first.digest);
      expect(edited.docs.some((doc) => doc.body.includes('产能再增一成'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
