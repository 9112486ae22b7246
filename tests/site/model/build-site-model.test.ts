import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { LoadedArticle } from '../../../src/site/content/load-articles.ts';
import { readContent } from '../../../src/content/read-content.ts';
import { buildSiteModel, buildSiteModelInParallel } from '../../../src/site/model/build-site-model.ts';
import { articlePath } from '../../../src/urls.ts';
import { forgetAllBut } from '../../../src/build-cache.ts';
import { FIXTURE_CONTENT } from '../../helpers/build-site.ts';
import type { FrontMatter, Section } from '../../../src/types.ts';

function article(issue: string, date: string, order: number, section: Section, extra: Partial<FrontMatter> = {}): LoadedArticle {
  const slug = `${String(order).padStart(2, '0')}-wen-zhang`;
  return {
    file: `${issue}/${slug}.md`,
    body: `第${order}篇正文。`,
    frontMatter: { title: `${issue} 第${order}篇`, section, issue, date, publication: '刊名', source: 's.txt', order, slug, ...extra },
  };
}

const older = [article('2020-11-a', '2020-11-01', 2, '海外借鉴'), article('2020-11-a', '2020-11-01', 1, '产业环境')];
const newer = [
  article('2021-01-b', '2021-01-01', 3, '产业环境'),
  article('2021-01-b', '2021-01-01', 1, '技术情报'),
  article('2021-01-b', '2021-01-01', 2, '产业环境', { sectionInferred: true }),
];
const model = buildSiteModel([...older, ...newer], { sectionPageSize: 2 });

describe('buildSiteModel', () => {
  it('lists issues newest first', () => {
    expect(model.issues.map((issue) => issue.issue)).toEqual(['2021-01-b', '2020-11-a']);
  });

  it('orders sections canonically within an issue, whatever the printed order', () => {
    expect(model.issues[0]!.sections.map((group) => group.section)).toEqual(['产业环境', '技术情报']);
  });

  it('chains previous and next through one issue in printed order, and stops at its ends', () => {
    const issue = model.issues[0]!;
    expect(issue.articles.map((a) => a.order)).toEqual([1, 2, 3]);
    expect(issue.articles[0]!.previous).toBeNull();
    expect(issue.articles[0]!.next?.url).toBe(issue.articles[1]!.url);
    expect(issue.articles[2]!.previous?.url).toBe(issue.articles[1]!.url);
    expect(issue.articles[2]!.next).toBeNull();
  });

  it("links every article to its own issue's older and newer issues", () => {
    const [newest, oldest] = model.issues;
    for (const article of oldest!.articles) {
      expect(article.olderIssue).toBeNull();
      expect(article.newerIssue?.url).toBe(newest!.url);
    }
    for (const article of newest!.articles) {
      expect(article.olderIssue?.url).toBe(oldest!.url);
      expect(article.newerIssue).toBeNull();
    }
  });

  it('marks an issue and its section as inferred when any article was guessed', () => {
    const [newest, oldest] = model.issues;
    expect(newest!.sectionsInferred).toBe(true);
    expect(newest!.sections.find((group) => group.section === '产业环境')!.inferred).toBe(true);
    expect(oldest!.sectionsInferred).toBe(false);
  });

  it('pages a section newest first and links the pages to each other', () => {
    const pages = model.sectionPages.filter((page) => page.section === '产业环境');
    expect(pages.map((page) => page.url)).toEqual(['/sections/chanye-huanjing/', '/sections/chanye-huanjing/page/2/']);
    expect(pages[0]!.articles.map((a) => a.issue)).toEqual(['2021-01-b', '2021-01-b']);
    expect(pages[1]!.articles.map((a) => a.issue)).toEqual(['2020-11-a']);
    expect(pages[0]!.nextUrl).toBe(pages[1]!.url);
    expect(pages[1]!.previousUrl).toBe(pages[0]!.url);
  });

  it('gives an empty section one page so its URL exists', () => {
    expect(model.sectionPages.filter((page) => page.section === '企业情报')).toHaveLength(1);
  });

  it('files issues in the archive by year', () => {
    expect(model.archive.map((year) => year.year)).toEqual(['2021', '2020']);
  });

  it('refuses two articles with the same URL', () => {
    expect(() => buildSiteModel([...older, older[0]!])).toThrow(/share the URL/);
  });
});

describe('buildSiteModelInParallel', () => {
  it('makes the same model as buildSiteModel, related articles included, whatever order the articles come in', async () => {
    const loaded = readContent(FIXTURE_CONTENT);
    const plain = buildSiteModel(loaded);
    expect(plain.articles.some((a) => a.related.length > 0)).toBe(true);
    expect(JSON.stringify(await buildSiteModelInParallel([...loaded].reverse()))).toBe(JSON.stringify(plain));
  });

  it('makes the same model again, build after build, with the worker that keeps what it read', async () => {
    const loaded = readContent(FIXTURE_CONTENT);
    const newest = loaded[0]!.frontMatter.issue;
    const older = loaded.filter((a) => a.frontMatter.issue !== newest);
    // Edits: an article of the newest issue given an older article's title (its body the
    // same, its related articles not), and a rewritten one.
    const retitled = loaded.map((a, i) => (i === 1 ? { ...a, frontMatter: { ...a.frontMatter, title: older.at(-1)!.frontMatter.title } } : a));
    const rewritten = retitled.map((a, i) => (i === 2 ? { ...a, body: `${a.body}\n\n补充：运营商在多地部署新一代基站。` } : a));
    const relatedOf = (articles: LoadedArticle[]) => buildSiteModel(articles).articles.find((a) => a.url === articlePath(loaded[1]!.frontMatter))!.related.map((r) => r.url);
    expect(loaded[1]!.frontMatter.issue).toBe(newest);
    expect(relatedOf(retitled)).not.toEqual(relatedOf(loaded));
    for (const articles of [older, loaded, retitled, rewritten, older]) {
      expect(JSON.stringify(await buildSiteModelInParallel(articles))).toBe(JSON.stringify(buildSiteModel(articles)));
    }
  });
});

describe('buildSiteModel with a cache folder', () => {
  it("keeps each issue's rendered articles there and makes the same model from them; an edited article is rendered again", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'article-cache-'));
    try {
      const loaded = readContent(FIXTURE_CONTENT);
      const plain = JSON.stringify(buildSiteModel(loaded));
      expect(JSON.stringify(buildSiteModel(loaded, { cacheDir }))).toBe(plain);
      const kept = readdirSync(cacheDir);
      expect(kept).toHaveLength(new Set(loaded.map((a) => a.frontMatter.issue)).size);
      // Read back, not made again: what is kept is what is shown. In the same process the
      // values are not read again; in a new one (no values in memory) they are.
      const marked = (parts: { html: string }[]) => parts.map((part) => ({ ...part, html: part.html.replace(/<p>/g, '<p data-from-cache>') }));
      for (const name of kept) writeFileSync(join(cacheDir, name), serialize(marked(deserialize(readFileSync(join(cacheDir, name))))));
      expect(buildSiteModel(loaded, { cacheDir }).articles.some((a) => a.html.includes('data-from-cache'))).toBe(false);
      forgetAllBut(cacheDir, []);
      expect(buildSiteModel(loaded, { cacheDir }).articles.every((a) => a.html.includes('data-from-cache') || !a.html.includes('<p'))).toBe(true);
      const edited = loaded.map((a, i) => (i === 0 ? { ...a, body: `${a.body}\n\n编辑后补充的一段。` } : a));
      const first = buildSiteModel(edited, { cacheDir }).articles.find((a) => a.url === articlePath(edited[0]!.frontMatter))!;
      expect(first.html).toContain('编辑后补充的一段');
      expect(first.html).not.toContain('data-from-cache');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('an article’s topics', () => {
  const titled = (issue: string, date: string, order: number, title: string) => article(issue, date, order, '技术情报', { title });
  const first = titled('2021-01-a', '2021-01-01', 1, '6G 与华为的合作');
  const before = [first, titled('2021-02-a', '2021-02-01', 1, '6G 试验'), titled('2021-02-a', '2021-02-01', 2, '6G 频谱'), titled('2021-03-a', '2021-03-01', 1, '华为新品')];
  // A later issue makes 华为 the larger topic.
  const after = [...before, ...[1, 2, 3].map((order) => titled('2021-04-a', '2021-04-01', order, `华为发布第${order}款产品`))];
  const topicsOf = (loaded: LoadedArticle[]) => buildSiteModel(loaded).articles.find((a) => a.url === articlePath(first.frontMatter))!.topics.map((t) => t.name);

  it('lists them by kind, organisations first, whichever topic is larger', () => {
    expect(topicsOf(before)).toEqual(['华为', '6G']);
  });

  it('keeps their order when a later issue makes another topic the larger one', () => {
    expect(topicsOf(after)).toEqual(topicsOf(before));
  });
});

describe('topic pages by year', () => {
  const about = (issue: string, date: string, order: number) =>
    article(issue, date, order, '技术情报', { title: `${issue} 的 5G 网络建设进展 ${order}` });
  const topicModel = buildSiteModel([
    about('2021-03-c', '2021-03-01', 1),
    about('2021-01-b', '2021-01-01', 1),
    about('2021-01-b', '2021-01-01', 2),
    about('2019-11-a', '2019-11-01', 1),
  ]);
  const topic = topicModel.topics.find((t) => t.name === '5G')!;

  it('lists the latest year on the topic page and gives each earlier year a page of its own', () => {
    expect(topic.latest.year).toBe('2021');
    expect(topic.latest.url).toBe(topic.url);
    expect(topic.latest.issues.map((group) => group.issue)).toEqual(['2021-03-c', '2021-01-b']);
    expect(topic.earlier).toEqual([{ year: '2019', url: `${topic.url}2019/`, count: 1 }]);
    const page = topicModel.topicYears.find((p) => p.url === `${topic.url}2019/`)!;
    expect(page.issues.map((group) => group.issue)).toEqual(['2019-11-a']);
    expect(page.newer).toEqual({ year: '2021', url: topic.url });
    expect(page.older).toBeNull();
  });

  it('charts the topic from its first month to its last, with the months between', () => {
    expect(topic.months[0]).toEqual({ month: '2019-11', count: 1 });
    expect(topic.months.at(-1)).toEqual({ month: '2021-03', count: 1 });
    expect(topic.months).toHaveLength(17);
    expect(topic.months.reduce((sum, m) => sum + m.count, 0)).toBe(4);
  });
});
