import { pinyin } from 'pinyin-pro';

/**
 * ASCII slugs from Chinese titles. Eleventy's slugify drops Chinese entirely, so two articles
 * would share an empty slug; pinyin keeps URLs readable and the order prefix keeps them unique.
 */
export function articleSlug(order: number, title: string, maxWords = 8): string {
  const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((w) => w.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
    .slice(0, maxWords);
  return [String(order).padStart(2, '0'), ...words].join('-');
}
