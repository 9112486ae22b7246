import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pageData from '../../../src/site/eleventy/page-data.ts';
import type { SectionPage, SiteArticle, SiteIssue, SiteTopic, TopicYearPage } from '../../../src/site/model/types.ts';

const TEMPLATES = 'templates';

describe('the paginated pages’ permalinks and titles', () => {
  it('writes each page to index.html inside its own URL', () => {
    const article = { url: '/2031-04-demo/xin-wen/', title: '某地发布新规', excerpt: '摘要' } as SiteArticle;
    expect(pageData.articlePage.permalink({ article })).toBe('/2031-04-demo/xin-wen/index.html');
    const issue = { url: '/2031-04-demo/', printUrl: '/2031-04-demo/print/', date: '2031-04-28', publication: '示例月刊' } as SiteIssue;
    expect(pageData.issuePage.permalink({ issue })).toBe('/2031-04-demo/index.html');
    expect(pageData.issuePrintPage.permalink({ issue })).toBe('/2031-04-demo/print/index.html');
  });

  it('titles an issue by its month and publication, and its print view by its month', () => {
    const issue = { url: '/x/', printUrl: '/x/print/', date: '2031-04-28', publication: '示例月刊' } as SiteIssue;
    expect(pageData.issuePage.eleventyComputed.title!({ issue })).toBe('2031年4月 · 示例月刊');
    expect(pageData.issuePrintPage.eleventyComputed.title!({ issue })).toBe('2031年4月 · 打印版');
  });

  it('numbers a section page only from its second page on', () => {
    const first = { url: '/sections/a/', section: '产业环境', pageNumber: 1 } as SectionPage;
    const third = { ...first, url: '/sections/a/page/3/', pageNumber: 3 };
    expect(pageData.sectionPage.eleventyComputed.title!({ sectionPage: first })).toBe('产业环境');
    expect(pageData.sectionPage.eleventyComputed.title!({ sectionPage: third })).toBe('产业环境 · 第 3 页');
  });

  it('leaves a title with markup characters as written, for the layout to escape once', () => {
    const article = { url: '/a/', title: 'R&D 投入 <新高>', excerpt: '"引号" & 更多' } as SiteArticle;
    expect(pageData.articlePage.eleventyComputed.title!({ article })).toBe('R&D 投入 <新高>');
    expect(pageData.articlePage.eleventyComputed.description!({ article })).toBe('"引号" & 更多');
    const topic = { url: '/topics/t/', name: 'A&B' } as SiteTopic;
    expect(pageData.topicPage.eleventyComputed.title!({ topic })).toBe('专题：A&B');
    const topicYear = { url: '/topics/t/2030/', name: 'A&B', year: '2030' } as TopicYearPage;
    expect(pageData.topicYearPage.eleventyComputed.title!({ topicYear })).toBe('专题：A&B · 2030 年');
  });
});

describe('the paginated templates', () => {
  const paginated = readdirSync(TEMPLATES).filter((name) => name.endsWith('.njk') && readFileSync(join(TEMPLATES, name), 'utf8').includes('\npagination:'));

  it('are found', () => {
    expect(paginated.length).toBeGreaterThanOrEqual(6);
  });

  it('hold no Nunjucks in their front matter, which Eleventy would compile again for every page', () => {
    for (const name of paginated) {
      const source = readFileSync(join(TEMPLATES, name), 'utf8');
      const frontMatter = source.slice(0, source.indexOf('\n---', 3));
      expect(frontMatter, name).not.toMatch(/\{\{|\{%/);
    }
  });

  it('each take their permalink and title from a data file of the same name', async () => {
    for (const name of paginated) {
      const data = (await import(`../../../${TEMPLATES}/${name.replace(/\.njk$/, '.11tydata.js')}`)).default as { permalink: unknown; eleventyComputed: { title: unknown } };
      expect(typeof data.permalink, name).toBe('function');
      expect(typeof data.eleventyComputed.title, name).toBe('function');
    }
  });
});
