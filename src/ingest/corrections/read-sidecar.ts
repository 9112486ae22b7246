import type matter from 'gray-matter';
import { safeMatter } from '../../frontmatter.ts';
import { isSection, SECTIONS, type ArticleCorrection, type SourceOverrides } from '../../types.ts';
import { IngestError } from '../errors.ts';

/** The keys a correction file (or the block at the top of a bulletin) may hold. */
export const BULLETIN_KEYS = ['publication', 'date', 'issue', 'headlines', 'not-headlines', 'articles'] as const;
/** The keys of one `articles:` entry. */
export const ARTICLE_KEYS = ['match', 'merge-with-previous', 'title', 'subtitle', 'section', 'drop', 'split-at'] as const;

export class CorrectionError extends IngestError {}

/** `seeds/<name>.yml` (or `.yaml`) beside `seeds/<name>.txt`. */
export function sidecarPaths(bulletinPath: string): string[] {
  const stem = bulletinPath.replace(/\.txt$/i, '');
  return [`${stem}.yml`, `${stem}.yaml`];
}

/**
 * Reads a correction file: YAML with the keys of BULLETIN_KEYS. Every problem is collected and
 * thrown together, each naming the file, the line and the keys that are allowed.
 */
export function readSidecar(file: string, text: string): SourceOverrides {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // A YAML file may open with the document marker `---`; inside the block below it would end
  // the block at once and every key after it would be lost.
  const marker = /^---[ \t]*(\n|$)/.exec(body);
  const yaml = marker ? body.slice(marker[0].length) : body;
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Parsed by the one front-matter reader, so YAML is read the same way in the block and here.
    parsed = safeMatter(`---\n${yaml}\n---\n`);
  } catch (error) {
    // The parser counts the `---` line put before the YAML: the file's line is one less, or the
    // same where the file's own marker line was taken off.
    const { line, message } = yamlErrorAt(error as Error, marker ? 0 : -1);
    throw new CorrectionError(file, line, `not valid YAML (${message})`, 'fix the YAML; see "Corrections" in the README for an example');
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new CorrectionError(file, 1, 'a correction file holds keys, e.g. "date: 2021-03-31"', `use the keys ${BULLETIN_KEYS.join(', ')}`);
  }
  return readOverrides(file, parsed.data as Record<string, unknown>, body, 1);
}

/**
 * The line a YAML parse error names, moved by `shift` lines (the parser may have been given text
 * that starts before the file's first line), and the error's first line of message with that
 * line number written in it, so the located line and the message agree.
 */
export function yamlErrorAt(error: Error, shift: number): { line: number | null; message: string } {
  const first = error.message.split('\n')[0];
  const mark = /line (\d+)/.exec(first);
  if (!mark) return { line: null, message: first };
  const line = Math.max(1, Number(mark[1]) + shift);
  return { line, message: first.replace(/line \d+/, `line ${line}`) };
}

/** Locates keys and list items in the YAML source, since the parser gives no positions. */
class YamlLines {
  private readonly lines: string[];
  constructor(
    yaml: string,
    private readonly firstLine: number,
  ) {
    this.lines = yaml.split('\n');
  }
  key(key: string): number {
    const i = this.lines.findIndex((l) => new RegExp(`^${escape(key)}\\s*:`).test(l));
    return i < 0 ? this.firstLine : i + this.firstLine;
  }
  /** Line of the n-th item of the top-level list under `key`. */
  item(key: string, n: number): number {
    const start = this.key(key) - this.firstLine;
    let count = -1;
    for (let i = start + 1; i < this.lines.length; i++) {
      if (/^\S/.test(this.lines[i])) break;
      if (/^\s*-(\s|$)/.test(this.lines[i]) && ++count === n) return i + this.firstLine;
    }
    return this.key(key);
  }
  /** Line of `key:` inside the n-th item under `list`. */
  itemKey(list: string, n: number, key: string): number {
    const from = this.item(list, n) - this.firstLine;
    for (let i = from; i < this.lines.length; i++) {
      if (i > from && /^\s*-(\s|$)/.test(this.lines[i])) break;
      if (new RegExp(`^\\s*(-\\s+)?${escape(key)}\\s*:`).test(this.lines[i])) return i + this.firstLine;
    }
    return from + this.firstLine;
  }
  /** The scalar as written, before YAML turned it into a Date or a number. */
  raw(lineNumber: number): string {
    const line = this.lines[lineNumber - this.firstLine] ?? '';
    return line.replace(/^[^:]*:\s*/, '').replace(/\s+#.*$/, '').replace(/^['"]|['"]$/g, '').trim();
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Suggests the allowed key a misspelling was meant to be: a typo (`headline` → `headlines`), other
 * separators or case (`merge_with_previous`), or a key cut short (`merge-with-prev`).
 */
function closest(key: string, allowed: readonly string[]): string | null {
  const written = key.toLowerCase().replace(/[\s_]+/g, '-');
  const shortened = written.length >= 4 ? allowed.filter((candidate) => candidate.startsWith(written)) : [];
  if (shortened.length === 1) return shortened[0];
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(written, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** A calendar date that exists: 2021-02-30 and 2021-13-45 do not. */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Checks and converts the keys of a correction file or front-matter block. `yaml` is the source
 * text of the block and `firstLine` the file line it starts on, so errors name true lines.
 */
export function readOverrides(file: string, data: Record<string, unknown>, yaml: string, firstLine: number): SourceOverrides {
  const at = new YamlLines(yaml, firstLine);
  const problems: IngestError[] = [];
  const fail = (line: number, problem: string, fix: string) => problems.push(new CorrectionError(file, line, problem, fix));
  const overrides: SourceOverrides = {};

  for (const key of Object.keys(data)) {
    if ((BULLETIN_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, BULLETIN_KEYS);
    fail(at.key(key), `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, `the keys allowed are ${BULLETIN_KEYS.join(', ')}`);
  }

  const publication = data.publication;
  if (publication !== undefined) {
    if (typeof publication !== 'string' && typeof publication !== 'number') fail(at.key('publication'), 'publication is not a name', 'write the publication\'s name, e.g. publication: 信息月报');
    else if (String(publication).trim() === '') fail(at.key('publication'), 'publication is empty', 'write the publication\'s name, e.g. publication: 信息月报, or remove the key');
    else overrides.publication = String(publication).trim();
  }
  if (data.date !== undefined) {
    const line = at.key('date');
    // YAML would turn 2021-02-30 into 2 March; the date is checked as it was written.
    const written = data.date instanceof Date ? at.raw(line) : String(data.date ?? '');
    if (!isRealDate(written)) fail(line, `date "${written}" is not a date that exists`, 'write it as YYYY-MM-DD or YYYY-MM, e.g. date: 2020-11-26');
    else overrides.date = written;
  }
  if (data.issue !== undefined) {
    const issue = String(data.issue ?? '');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(issue)) fail(at.key('issue'), `issue "${issue}" is not usable in a URL`, 'use lower-case letters, digits and hyphens, e.g. issue: 2020-11-xxyb');
    else overrides.issue = issue;
  }
  for (const [yamlKey, key] of [['headlines', 'headlines'], ['not-headlines', 'notHeadlines']] as const) {
    const value = data[yamlKey];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((item) => typeof item === 'string' || typeof item === 'number')) {
      fail(at.key(yamlKey), `${yamlKey} is not a list of lines`, `write one line per item, e.g. ${yamlKey}:\n  - 上海市将建数据交易重点监管名单`);
    } else overrides[key] = list.map(String);
  }
  if (data.articles !== undefined) {
    if (!Array.isArray(data.articles)) fail(at.key('articles'), 'articles is not a list', 'write one "- match: …" item per article, e.g. articles:\n  - match: 欢迎投稿\n    drop: true');
    else overrides.articles = data.articles.flatMap((entry, n) => readArticleCorrection(file, entry, n, at, fail));
  }
  if (problems.length > 0) throw new CorrectionProblems(problems);
  return overrides;
}

/** Several problems in one correction file, reported together. */
export class CorrectionProblems extends Error {
  constructor(readonly problems: IngestError[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}

function readArticleCorrection(file: string, entry: unknown, n: number, at: YamlLines, fail: (line: number, problem: string, fix: string) => void): ArticleCorrection[] {
  const line = at.item('articles', n);
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    fail(line, 'an articles item is not a set of keys', `write e.g. "- match: 某公司发布新品" and one of ${ARTICLE_KEYS.slice(1).join(', ')}`);
    return [];
  }
  const data = entry as Record<string, unknown>;
  let ok = true;
  const bad = (key: string, problem: string, fix: string) => {
    ok = false;
    fail(at.itemKey('articles', n, key), problem, fix);
  };
  const guesses = new Set<string>();
  for (const key of Object.keys(data)) {
    if ((ARTICLE_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, ARTICLE_KEYS);
    if (guess) guesses.add(guess);
    bad(key, `unknown key "${key}" in an articles item${guess ? ` (did you mean "${guess}"?)` : ''}`, `the keys allowed in an articles item are ${ARTICLE_KEYS.join(', ')}`);
  }
  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined) return undefined;
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
      bad(key, `${key} is not a line of text`, `write the text after "${key}:", e.g. ${key}: 某公司发布新品`);
      return undefined;
    }
    return String(value).trim();
  };
  const flag = (key: string): boolean | undefined => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      bad(key, `${key} is "${String(value)}", not true or false`, `write ${key}: true`);
      return undefined;
    }
    return value;
  };
  const match = text('match');
  // A misspelt match was named just above, with its fix: "no match" would only repeat it.
  if (data.match === undefined && !guesses.has('match')) bad('match', 'an articles item has no match', 'name the article by its title or opening words: - match: 某公司发布新品');
  const correction: ArticleCorrection = { match: match ?? '', file, line };
  const title = text('title');
  const subtitle = text('subtitle');
  const splitAt = text('split-at');
  const section = text('section');
  const mergeWithPrevious = flag('merge-with-previous');
  const drop = flag('drop');
  if (section !== undefined && !isSection(section)) bad('section', `section "${section}" is not one of the sections`, `use one of ${SECTIONS.join(', ')}`);
  if (title !== undefined) correction.title = title;
  if (subtitle !== undefined) correction.subtitle = subtitle;
  if (splitAt !== undefined) correction.splitAt = splitAt;
  if (section !== undefined && isSection(section)) correction.section = section;
  if (mergeWithPrevious) correction.mergeWithPrevious = true;
  if (drop) correction.drop = true;
  const actions = ['title', 'subtitle', 'section', 'split-at', 'merge-with-previous', 'drop'].filter((k) => data[k] !== undefined && data[k] !== false);
  if (ok && actions.length === 0) {
    ok = false;
    fail(line, `the articles item for "${match}" says nothing to do`, `add one of ${ARTICLE_KEYS.slice(1).join(', ')}`);
  }
  return ok ? [correction] : [];
}

