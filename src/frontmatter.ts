import matter from 'gray-matter';

/**
 * The one way this project reads front matter. gray-matter runs `---js` (and `---coffee`) front
 * matter as code unless its engines are replaced; here only YAML (js-yaml's safe schema) and JSON
 * are parsed, and any other language is refused before it can run. Use it wherever a file that
 * someone else wrote (a bulletin, a content/ article) is read: ingest, site data and search.
 */
export class UnsafeFrontMatterError extends Error {}

const refuse = (language: string) => () => {
  throw new UnsafeFrontMatterError(`front matter in "${language}" is refused: only YAML front matter is read, code is never run (write it as YAML between two --- lines)`);
};

const ENGINES = {
  javascript: refuse('js'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffee'),
  cson: refuse('cson'),
};

/** The language named after the opening `---`, e.g. "js" in `---js`; "" for plain YAML. */
export function frontMatterLanguage(text: string): string {
  const m = /^---([^\n]*)\n/.exec(text.replace(/^\uFEFF/, ''));
  return m ? m[1].trim().toLowerCase() : '';
}

export function safeMatter(text: string): matter.GrayMatterFile<string> {
  const language = frontMatterLanguage(text);
  if (language !== '' && !['yaml', 'yml', 'json'].includes(language)) refuse(language)();
  // Passing options also keeps gray-matter from caching by content, which would hand back the same object twice.
  return matter(text, { engines: ENGINES as never, language: 'yaml' });
}
