/**
 * Plain-text measures of an article body: its readable characters and reading time.
 * Chinese is counted in characters, not words; about 400 characters a minute is a
 * common figure for attentive reading of expository Chinese.
 */
const CHARACTERS_PER_MINUTE = 400;

/** Markdown to the text a reader actually reads: no markup, no table rules. */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}/.test(line))
    .map((line) => line.replace(/^#+\s*/, '').replace(/(?<!\\)\|/g, ' ').replace(/(?<!\\)[*_`>]/g, ''))
    // CommonMark backslash escapes ("70亿\~500亿") are markup too: keep the character only.
    .map((line) => line.replace(/\\([!-/:-@[-`{-~])/g, '$1'))
    .join('\n');
}

/** Characters that carry reading: everything except whitespace. */
export function countCharacters(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export function readingMinutes(characters: number): number {
  return Math.max(1, Math.round(characters / CHARACTERS_PER_MINUTE));
}

/** The first paragraph that is prose, cut to a length that fits a table-of-contents line. */
export function excerpt(markdown: string, maxLength = 80): string {
  const firstProse =
    markdown
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block && !block.startsWith('#') && !block.startsWith('|')) ?? '';
  const text = plainText(firstProse).replace(/\s*\n\s*/g, '');
  return text.length <= maxLength ? text : `${text.slice(0, maxLength).trimEnd()}…`;
}

/** The `##` subheadings, in order: an outline for the article. */
export function subheadings(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^##\s+/.test(line))
    .map((line) => line.replace(/^##\s+/, '').trim());
}
