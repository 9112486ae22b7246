import matter from 'gray-matter';
import type { DecodedSource, SourceOverrides } from '../types.ts';
import { DecodeError } from './errors.ts';

type Encoding = DecodedSource['encoding'];

/** Decodes a bulletin's bytes without being told the encoding, and reads its optional front matter. */
export function decodeBulletin(file: string, bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) {
    throw new DecodeError(file, null, 'the file is empty', 'export the bulletin again; a bulletin needs its text');
  }
  const { encoding, text } = decodeBytes(file, bytes);
  const unified = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  assertText(file, unified);
  const { body, lineOffset, overrides } = readFrontMatter(file, unified);
  return { file, encoding, text: body, lineOffset, overrides };
}

function decodeBytes(file: string, bytes: Uint8Array): { encoding: Encoding; text: string } {
  const bom16: Encoding | null = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom16) {
    const text = strictDecode(bom16, bytes);
    if (text !== null) return { encoding: bom16, text };
    throw new DecodeError(file, null, `the file starts with a UTF-16 byte-order mark but is not valid UTF-16 (${bytes.length} bytes; cut short?)`, 'export the bulletin again, whole, as UTF-8 or UTF-16 text');
  }
  const bomless16 = guessBomlessUtf16(bytes);
  if (bomless16) {
    const text = strictDecode(bomless16, bytes);
    if (text !== null) return { encoding: bomless16, text };
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  // GB18030 is a superset of GBK and GB2312, the usual encodings of Chinese text exports.
  const gb = strictDecode('gb18030', bytes);
  if (gb !== null) return { encoding: 'gb18030', text: gb };
  throw new DecodeError(
    file,
    null,
    'the bytes are neither UTF-8, UTF-16 nor GB18030/GBK text',
    'save the bulletin as UTF-8 text (or GB18030) and drop it into seeds/ again',
  );
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM shows itself by NUL bytes in every other position for ASCII line ends. */
function guessBomlessUtf16(bytes: Uint8Array): Encoding | null {
  const sample = bytes.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const half = sample.length / 2;
  if (oddNul > half * 0.2 && evenNul < half * 0.02) return 'utf-16le';
  if (evenNul > half * 0.2 && oddNul < half * 0.02) return 'utf-16be';
  return null;
}

/** Text with control characters (other than tab and line ends) is a binary file that happened to decode. */
function assertText(file: string, text: string): void {
  const control = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (control > 0 && control > text.length / 1000) {
    throw new DecodeError(file, null, 'the file looks binary (it holds control characters)', 'give the plain-text export of the bulletin, not a PDF or Word file');
  }
  if (text.trim() === '') {
    throw new DecodeError(file, null, 'the file holds only white space', 'export the bulletin again; a bulletin needs its text');
  }
}

function readFrontMatter(file: string, text: string): { body: string; lineOffset: number; overrides: SourceOverrides } {
  if (!text.startsWith('---\n')) return { body: text, lineOffset: 0, overrides: {} };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch (error) {
    throw new DecodeError(file, 1, `the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`, 'fix the YAML between the two --- lines, or remove the block');
  }
  const lineOffset = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  const overrides: SourceOverrides = {};
  for (const key of ['publication', 'date', 'issue'] as const) {
    const value = parsed.data[key];
    if (value === undefined) continue;
    overrides[key] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
  for (const [yamlKey, key] of [['headlines', 'headlines'], ['not-headlines', 'notHeadlines']] as const) {
    const value = parsed.data[yamlKey];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((item) => typeof item === 'string' || typeof item === 'number')) {
      throw new DecodeError(file, 1, `${yamlKey} is not a list of lines`, `write one headline per item, e.g. ${yamlKey}:\n  - 上海市将建数据交易重点监管名单`);
    }
    overrides[key] = list.map(String);
  }
  if (overrides.issue !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(overrides.issue)) {
    throw new DecodeError(file, 1, `issue "${overrides.issue}" is not usable in a URL`, 'use lower-case letters, digits and hyphens, e.g. issue: 2020-11-xxyb');
  }
  if (overrides.date !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(overrides.date)) {
    throw new DecodeError(file, 1, `date "${overrides.date}" is not a date`, 'write it as YYYY-MM-DD or YYYY-MM, e.g. date: 2020-11-26');
  }
  return { body: parsed.content, lineOffset, overrides };
}
