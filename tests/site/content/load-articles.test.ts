import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/site/content/load-articles.ts';
import { FIXTURE_CONTENT } from '../../helpers/build-site.ts';

function contentWith(frontMatter: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  mkdirSync(join(dir, '2020-11-x'));
  writeFileSync(join(dir, '2020-11-x', 'a.md'), `---\n${frontMatter}\n---\n正文。\n`);
  return dir;
}

const valid = [
  'title: 标题',
  'section: 技术情报',
  'issue: 2020-11-x',
  'date: 2020-11-01',
  'publication: 刊名',
  'source: a.txt',
  'order: 1',
  'slug: 01-biao-ti',
].join('\n');

describe('loadArticles', () => {
  it('reads every article of every issue folder', () => {
    const articles = loadArticles(FIXTURE_CONTENT);
    const issues = new Set(articles.map((article) => article.frontMatter.issue));
    expect(issues.size).toBe(2);
    expect(articles.every((article) => article.body.length > 0)).toBe(true);
  });

  it('turns an unquoted YAML date back into a YYYY-MM-DD string', () => {
    const [article] = loadArticles(contentWith(valid));
    expect(article!.frontMatter.date).toBe('2020-11-01');
  });

  it('keeps titleInferred only when it is true', () => {
    const [plain] = loadArticles(contentWith(valid));
    const [inferred] = loadArticles(contentWith(`${valid}\ntitleInferred: true`));
    expect(plain!.frontMatter).not.toHaveProperty('titleInferred');
    expect(inferred!.frontMatter.titleInferred).toBe(true);
  });

  it('keeps sectionInferred only when it is true', () => {
    const [plain] = loadArticles(contentWith(valid));
    const [inferred] = loadArticles(contentWith(`${valid}\nsectionInferred: true`));
    expect(plain!.frontMatter).not.toHaveProperty('sectionInferred');
    expect(inferred!.frontMatter.sectionInferred).toBe(true);
  });

  it('refuses a Chinese slug, which would become an empty or percent-encoded URL', () => {
    expect(() => loadArticles(contentWith(valid.replace('01-biao-ti', '标题')))).toThrow(/slug/);
  });

  it('refuses a section outside the five', () => {
    expect(() => loadArticles(contentWith(valid.replace('技术情报', '其他')))).toThrow(/section/);
  });

  it('says how to get content when the folder is missing', () => {
    expect(() => loadArticles(join(tmpdir(), 'no-such-content-dir'))).toThrow(/npm run ingest/);
  });
});
