import { pinyin } from 'pinyin-pro';

/**
 * ASCII slugs from Chinese titles. Eleventy's slugify drops Chinese entirely, so two articles
 * would share an empty slug; pinyin keeps URLs readable. The slug depends on the title alone,
 * not on the article's position, so an article keeps its URL when a split elsewhere in its
 * issue changes.
 */
export function articleSlug(title: string, maxWords = 8): string {
  const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((w) => w.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
    .slice(0, maxWords);
  return words.length > 0 ? words.join('-') : 'article';
}

/** One slug per title, in order: a title whose slug is taken gets "-2", "-3"… after it. */
export function uniqueSlugs(titles: string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = articleSlug(title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}
