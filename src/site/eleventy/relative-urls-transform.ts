import { relativizeHtml } from '../relative-urls.ts';

interface TransformHost {
  addTransform(name: string, transform: (this: TransformContext, content: string) => string): void;
}
interface TransformContext {
  page: { url: string | false; outputPath: string | false };
}

/**
 * Root-relative links become page-relative in every HTML page, so the site works from
 * file://. Not the 404 page: a server shows it at any depth, where only root-relative
 * links still resolve (and from disk nobody ever lands on it).
 */
export default function relativeUrlsPlugin(eleventyConfig: TransformHost): void {
  eleventyConfig.addTransform('relative-urls', function (content) {
    const { url, outputPath } = this.page;
    if (!url || !outputPath || !outputPath.endsWith('.html') || outputPath.endsWith('404.html')) return content;
    return relativizeHtml(content, url);
  });
}
