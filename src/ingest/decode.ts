import type matter from 'gray-matter';
import { safeMatter, UnsafeFrontMatterError } from '../frontmatter.ts';
import type { DecodedSource, SourceOverrides } from '../types.ts';
import { BULLETIN_KEYS, readOverrides, yamlErrorAt } from './corrections/read-sidecar.ts';
import { DecodeError } from './errors.ts';

type Encoding = DecodedSource['encoding'];

/**
 * The largest bulletin accepted. A monthly bulletin is a few hundred kilobytes; a file ten times
 * the largest seen is another kind of file (a whole archive, a log), and reading it as one issue
 * would cost minutes and hundreds of megabytes. Documented in the README.
 */
export const MAX_BULLETIN_BYTES = 5 * 1024 * 1024;

export function tooLargeError(file: string, size: number): DecodeError {
  return new DecodeError(file, null, `the file is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_BULLETIN_BYTES / 1024 / 1024} MB a bulletin may have`, 'give one bulletin per file; split an archive into its monthly issues');
}

/** Decodes a bulletin's bytes without being told the encoding, and reads its optional front matter. */
export function decodeBulletin(file: string, bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) {
    throw new DecodeError(file, null, 'the file is empty', 'export the bulletin again; a bulletin needs its text');
  }
  if (bytes.length > MAX_BULLETIN_BYTES) throw tooLargeError(file, bytes.length);
  const { encoding, text } = decodeBytes(file, bytes);
  const unified = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  assertText(file, unified, bytes, encoding);
  const { body, lineOffset, overrides } = readFrontMatter(file, unified);
  return { file, encoding, text: body, lineOffset, overrides };
}

export function decodeBytes(file: string, bytes: Uint8Array): { encoding: Encoding; text: string } {
  const bom16: Encoding | null = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom16) {
    const text = strictDecode(bom16, bytes);
    if (text !== null) return { encoding: bom16, text };
    const at = firstInvalidUtf16(bytes, bom16);
    throw new DecodeError(file, lineAtUtf16(bytes, at, bom16), `the file starts with a UTF-16 byte-order mark but is not valid UTF-16: the first bad sequence is at byte ${at} of ${bytes.length} (cut short?)`, 'export the bulletin again, whole, as UTF-8 or UTF-16 text');
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
  // The encoding that reads furthest is the one the file was written in, and its first bad
  // sequence is the damage to look at: in a GB18030 export, UTF-8 already fails at the first
  // Chinese character (byte 0, say), which tells the editor nothing.
  const utf8At = firstInvalidUtf8(bytes);
  const gbAt = firstInvalidGb18030(bytes);
  const at = Math.max(utf8At, gbAt);
  const which = gbAt > utf8At ? 'the first sequence that is not GB18030' : 'the first byte that is not UTF-8';
  throw new DecodeError(
    file,
    lineAt(bytes, at),
    `the bytes are neither UTF-8, UTF-16 nor GB18030/GBK text; ${which} is at byte ${at} (line ${lineAt(bytes, at)}): ${hex(bytes.subarray(at, at + 4))}`,
    'save the bulletin as UTF-8 text (or GB18030) and drop it into seeds/ again',
  );
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`).join(' ');

/**
 * Byte offset of the first sequence that is not GB18030 (the WHATWG decoder's grammar): one byte
 * up to 0x80; a lead byte 0x81–0xFE with a trail 0x40–0x7E or 0x80–0xFE; or four bytes,
 * lead, 0x30–0x39, 0x81–0xFE, 0x30–0x39, naming a code point (pointer ≤ 39419, or 189000–1237575).
 */
export function firstInvalidGb18030(bytes: Uint8Array): number {
  const inRange = (b: number | undefined, low: number, high: number) => b !== undefined && b >= low && b <= high;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b <= 0x80) {
      i += 1;
      continue;
    }
    if (b === 0xff) return i;
    const second = bytes[i + 1];
    if (inRange(second, 0x40, 0x7e) || inRange(second, 0x80, 0xfe)) {
      i += 2;
      continue;
    }
    if (!inRange(second, 0x30, 0x39) || !inRange(bytes[i + 2], 0x81, 0xfe) || !inRange(bytes[i + 3], 0x30, 0x39)) return i;
    const pointer = ((b - 0x81) * 10 + (second - 0x30)) * 1260 + (bytes[i + 2] - 0x81) * 10 + (bytes[i + 3] - 0x30);
    if (pointer > 39419 && (pointer < 189000 || pointer > 1237575)) return i;
    i += 4;
  }
  return bytes.length;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

/** 1-based line of a byte offset, counting LF bytes before it (CR-only files count CRs). */
function lineAt(bytes: Uint8Array, offset: number): number {
  const before = bytes.subarray(0, offset);
  const lf = before.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
  return lf > 0 ? lf + 1 : before.reduce((n, b) => n + (b === 0x0d ? 1 : 0), 0) + 1;
}

function unitAt(bytes: Uint8Array, i: number, encoding: Encoding): number {
  return encoding === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
}

function firstInvalidUtf16(bytes: Uint8Array, encoding: Encoding): number {
  for (let i = 2; i < bytes.length; i += 2) {
    if (i + 1 >= bytes.length) return i;
    const unit = unitAt(bytes, i, encoding);
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unitAt(bytes, i + 2, encoding);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return bytes.length;
}

function lineAtUtf16(bytes: Uint8Array, offset: number, encoding: Encoding): number {
  let line = 1;
  for (let i = 2; i + 1 < offset; i += 2) if (unitAt(bytes, i, encoding) === 0x0a) line++;
  return line;
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

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text with control characters (other than tab and line ends) is a binary file that happened to decode. */
function assertText(file: string, text: string, bytes: Uint8Array, encoding: Encoding): void {
  const control = text.match(CONTROL)?.length ?? 0;
  if (control > 0 && control > text.length / 1000) {
    const index = text.search(CONTROL);
    const line = text.slice(0, index).split('\n').length;
    const character = text.charCodeAt(index);
    const name = character === 0 ? 'NUL' : `U+${character.toString(16).padStart(4, '0').toUpperCase()}`;
    const at = firstControlByte(bytes, encoding);
    throw new DecodeError(file, line, `the file looks binary (it holds control characters; the first, ${name}, is at byte ${at} (line ${line}))`, 'give the plain-text export of the bulletin, not a PDF or Word file');
  }
  if (text.trim() === '') {
    throw new DecodeError(file, null, 'the file holds only white space', 'export the bulletin again; a bulletin needs its text');
  }
}

/**
 * Byte offset of the first control character. In UTF-8 and GB18030 a byte below 0x20 is always
 * the character itself (no multi-byte sequence uses one); in UTF-16 it is a whole code unit.
 */
function firstControlByte(bytes: Uint8Array, encoding: Encoding): number {
  const isControl = (c: number) => c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || c === 0x7f;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // The BOM, when there is one, is two bytes that are not control characters.
    for (let i = 0; i + 1 < bytes.length; i += 2) if (isControl(unitAt(bytes, i, encoding))) return i;
    return bytes.length;
  }
  const i = bytes.findIndex(isControl);
  return i < 0 ? bytes.length : i;
}

/**
 * The YAML block at the top of a bulletin, between a first line `---` and the next `---` line.
 * A first line `---` with no closing line is no block but a rule printed in the text (an export's
 * separator), and stays text; a closed block must hold keys, or it is one error naming it.
 */
function readFrontMatter(file: string, text: string): { body: string; lineOffset: number; overrides: SourceOverrides } {
  if (!/^---[a-z]*\n/i.test(text)) return { body: text, lineOffset: 0, overrides: {} };
  const closingLine = text.split('\n').findIndex((line, i) => i > 0 && /^---\s*$/.test(line)) + 1;
  if (closingLine === 0) return { body: text, lineOffset: 0, overrides: {} };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = safeMatter(text);
  } catch (error) {
    if (error instanceof UnsafeFrontMatterError) throw new DecodeError(file, 1, error.message, 'write the block as YAML between two --- lines, or remove it');
    // The parser is given the file from its first line, so the line it names is the file's.
    const { line, message } = yamlErrorAt(error as Error, 0);
    throw new DecodeError(file, line ?? 1, `the front matter is not valid YAML (${message})`, 'fix the YAML between the two --- lines, or remove the block');
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    throw new DecodeError(
      file,
      1,
      `the block between the --- lines 1 and ${closingLine} is not a set of keys (it reads as ${Array.isArray(data) ? 'a list' : 'plain text'})`,
      `write keys such as "date: 2021-03-31" (the keys allowed are ${BULLETIN_KEYS.join(', ')}), or, if these lines are the bulletin's text, remove the --- on line 1`,
    );
  }
  const lineOffset = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  const yaml = text.slice(text.indexOf('\n') + 1, text.length - parsed.content.length);
  // The block takes the same keys as a correction file, checked by the same reader.
  const overrides = readOverrides(file, data as Record<string, unknown>, yaml, 2);
  return { body: parsed.content, lineOffset, overrides };
}
