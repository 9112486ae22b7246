import { describe, expect, it } from 'vitest';
import { decodeCorrectionFile } from '../../src/publish/decode-correction-file.ts';
import { gbk } from './invent-bulletin.ts';

describe('decodeCorrectionFile', () => {
  it('decodes GBK, UTF-8 with a byte-order mark and UTF-16 with one to the same text', () => {
    const text = 'publication: 甲乙行业月报\narticles:\n  - match: 丙丁\n    drop: true\n';
    expect(decodeCorrectionFile('x.yml', gbk(text))).toBe(text);
    expect(decodeCorrectionFile('x.yml', Buffer.from(`\uFEFF${text}`))).toBe(text);
    expect(decodeCorrectionFile('x.yml', Buffer.from(`\uFEFF${text}`, 'utf16le'))).toBe(text);
  });

  it('reads a file that opens with the YAML document marker as text, not as a bulletin front-matter block', () => {
    const text = '---\nunknown-key: 甲乙\n';
    expect(decodeCorrectionFile('x.yml', gbk(text))).toBe(text);
  });

  it('returns an empty or ASCII-only file as it is', () => {
    expect(decodeCorrectionFile('x.yml', new Uint8Array())).toBe('');
    expect(decodeCorrectionFile('x.yml', Buffer.from('date: 2021-03\n'))).toBe('date: 2021-03\n');
  });

  it('refuses bytes that are no allowed encoding, naming the file, line and byte and how to save it', () => {
    expect(() => decodeCorrectionFile('seeds/x.yml', new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0xff]))).toThrow(/^seeds\/x\.yml:2: the bytes are neither UTF-8, UTF-16 nor GB18030\/GBK text; the first byte that is not UTF-8 is at byte 3 .*\n  → save seeds\/x\.yml as plain text, UTF-8/);
  });
});
