import { describe, expect, it } from 'vitest';
import type { LoadedArticle } from '../../../src/site/content/load-articles.ts';
import { buildSiteModel } from '../../../src/site/model/build-site-model.ts';
import { pagedPagesInTwoSteps } from '../../../src/site/reuse/page-keys.ts';
import type { Section } from '../../../src/types.ts';

function article(order: number, body: string, section: Section = '产业环境'): LoadedArticle {
  const slug = `${String(order).padStart(2, '0')}-xin-wen`;
  return {
    file: `2032-05-demo/${slug}.md`,
    body,
    frontMatter: { title: `示例新闻第${order}篇`, section, issue: '2032-05-demo', date: '2032-05-01', publication: '示例月刊', source: 'demo.txt', order, slug },
  };
}

/** Every page's key, by its output path. */
function keys(loaded: LoadedArticle[]): Map<string, string> {
  const { listPages, articlePages } = pagedPagesInTwoSteps(buildSiteModel(loaded), 'layout');
  return new Map([...listPages, ...articlePages()].map((page) => [page.path, page.key]));
}

describe('the keys of the paginated pages', () => {
  const bodies = ['某市发布智能制造行动方案，提出三年目标。', '示例公司发布新款芯片，性能提升一倍。'];

  it('are the same for the same content, built twice', () => {
    expect(keys(bodies.map((body, i) => article(i + 1, body)))).toEqual(keys(bodies.map((body, i) => article(i + 1, body))));
  });

  it('change for the pages that show an article whose body changed by as many characters as it had, and only for those', () => {
    const before = keys(bodies.map((body, i) => article(i + 1, body)));
    // One character for another: the same length and reading time, another text and HTML.
    const after = keys([article(1, bodies[0]!.replace('三年', '五年')), article(2, bodies[1]!)]);
    const changed = [...before.keys()].filter((path) => before.get(path) !== after.get(path)).sort();
    expect(changed).toContain('2032-05-demo/01-xin-wen/index.html');
    expect(changed).toContain('2032-05-demo/print/index.html');
    expect(changed).not.toContain('2032-05-demo/02-xin-wen/index.html');
  });

  it('do not change when an article only gains a related article or a topic, outside its own page', () => {
    const loaded = bodies.map((body, i) => article(i + 1, body));
    const model = buildSiteModel(loaded);
    const plain = pagedPagesInTwoSteps(model, 'layout');
    const listKeys = plain.listPages.map((page) => page.key);
    model.articles[0]!.topics = [{ name: '智能制造', url: '/topics/zhi-neng-zhi-zao/' }];
    expect(pagedPagesInTwoSteps(model, 'layout').listPages.map((page) => page.key)).toEqual(listKeys);
  });
});
