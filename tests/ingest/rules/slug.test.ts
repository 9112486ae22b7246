import { describe, expect, it } from 'vitest';
import { articleSlug, uniqueSlugs } from '../../../src/ingest/rules/slug.ts';

describe('articleSlug', () => {
  it('spells a Chinese title in toneless pinyin, at most eight words, keeping Latin words and numbers', () => {
    expect(articleSlug('工信部发布 5G 新规')).toBe('gong-xin-bu-fa-bu-5g-xin-gui');
    expect(articleSlug('软件商 Oracle 将斥资百亿美元收购 Cerner')).toBe('ruan-jian-shang-oracle-jiang-chi-zi-bai');
  });

  it('gives a title with nothing to spell a slug that is not empty', () => {
    expect(articleSlug('——')).toBe('article');
  });
});

describe('uniqueSlugs', () => {
  it('keeps each slug unique in its issue by numbering the repeats in order', () => {
    expect(uniqueSlugs(['数字经济', '数字经济', '数字经济'])).toEqual(['shu-zi-jing-ji', 'shu-zi-jing-ji-2', 'shu-zi-jing-ji-3']);
  });

  it('gives an article the same slug whatever comes before it', () => {
    const [, alone] = uniqueSlugs(['工信部发布新规', '北京发布人工智能报告']);
    const [, , afterASplit] = uniqueSlugs(['工信部发布新规', '新增的一篇', '北京发布人工智能报告']);
    expect(afterASplit).toBe(alone);
  });
});
