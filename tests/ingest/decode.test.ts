import { describe, expect, it } from 'vitest';
import { MAX_BULLETIN_BYTES, decodeBulletin } from '../../src/ingest/decode.ts';
import { DecodeError } from '../../src/ingest/errors.ts';

const TEXT = '产业环境\r\n工信部发布通知\r\n近日，工信部发布通知。\r\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = bigEndian ? code >> 8 : code & 0xff;
    bytes[3 + i * 2] = bigEndian ? code & 0xff : code >> 8;
  }
  return bytes;
}

// GB18030 bytes of "中国" followed by a newline, as a GBK export would write them.
const GBK_BYTES = new Uint8Array([0xd6, 0xd0, 0xb9, 0xfa, 0x0a]);

describe('decodeBulletin', () => {
  it('reads UTF-8 with and without a byte-order mark, unifying CRLF line ends', () => {
    const plain = decodeBulletin('a.txt', new TextEncoder().encode(TEXT));
    const bom = decodeBulletin('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]));
    expect(plain.text).toBe('产业环境\n工信部发布通知\n近日，工信部发布通知。\n');
    expect(bom.text).toBe(plain.text);
    expect(plain.encoding).toBe('utf-8');
  });

  it('reads UTF-16 little- and big-endian when a byte-order mark says so', () => {
    expect(decodeBulletin('a.txt', utf16(TEXT, false))).toMatchObject({ encoding: 'utf-16le', text: expect.stringContaining('工信部发布通知\n') });
    expect(decodeBulletin('a.txt', utf16(TEXT, true))).toMatchObject({ encoding: 'utf-16be', text: expect.stringContaining('工信部发布通知\n') });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeBulletin('a.txt', GBK_BYTES)).toMatchObject({ encoding: 'gb18030', text: '中国\n' });
  });

  it('turns old Mac CR line ends into newlines', () => {
    expect(decodeBulletin('a.txt', new TextEncoder().encode('甲\r乙\r')).text).toBe('甲\n乙\n');
  });

  it('rejects an empty file, naming it', () => {
    expect(() => decodeBulletin('empty.txt', new Uint8Array())).toThrow(/empty\.txt: the file is empty/);
  });

  it('rejects a UTF-16 file cut short in the middle of a character, saying so', () => {
    const cut = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]);
    expect(() => decodeBulletin('cut.txt', cut)).toThrow(/cut\.txt:1: the file starts with a UTF-16 byte-order mark but is not valid UTF-16: the first bad sequence is at byte 4 of 5/);
  });

  it('rejects a binary file as not a text export', () => {
    const binary = new Uint8Array(2000).map((_, i) => (i * 7) % 256);
    expect(() => decodeBulletin('scan.pdf', binary)).toThrow(DecodeError);
  });

  it('reads publication, date and issue from front matter and keeps source line numbers true', () => {
    const source = '---\npublication: 信息月报\ndate: 2020-11-30\nissue: 2020-11-xxyb\n---\n产业环境\n';
    const decoded = decodeBulletin('a.txt', new TextEncoder().encode(source));
    expect(decoded.overrides).toEqual({ publication: '信息月报', date: '2020-11-30', issue: '2020-11-xxyb' });
    expect(decoded.text.trim()).toBe('产业环境');
    expect(decoded.lineOffset + decoded.text.split('\n').findIndex((l) => l === '产业环境') + 1).toBe(6);
  });

  it('reads the editor\'s headlines and not-headlines lists, one line per item', () => {
    const source = '---\nheadlines:\n  - 某市将建网络交易治理名单\nnot-headlines: 运营商发力工业互联网新赛道\n---\n正文\n';
    const decoded = decodeBulletin('a.txt', new TextEncoder().encode(source));
    expect(decoded.overrides).toEqual({ headlines: ['某市将建网络交易治理名单'], notHeadlines: ['运营商发力工业互联网新赛道'] });
  });

  it('rejects a headlines entry that is not a line of text', () => {
    const source = '---\nheadlines:\n  - title: 某标题\n---\n正文\n';
    expect(() => decodeBulletin('a.txt', new TextEncoder().encode(source))).toThrow(/a\.txt:2: headlines is not a list of lines/);
  });

  it('rejects an issue id that cannot be a URL', () => {
    const source = '---\nissue: 十一月号\n---\n正文\n';
    expect(() => decodeBulletin('a.txt', new TextEncoder().encode(source))).toThrow(/a\.txt:2: issue "十一月号"/);
  });

  it('names the byte offset and line of the first byte that is neither UTF-8 nor GB18030', () => {
    const good = new TextEncoder().encode('第一行\n第二行\n');
    // 0xff is never a byte of UTF-8, and 0xff 0xff is no GB18030 sequence either.
    const bytes = new Uint8Array([...good, 0xff, 0xff, 0x0a]);
    expect(() => decodeBulletin('bad.txt', bytes)).toThrow(new RegExp(`bad\\.txt:3: .*at byte ${good.length} \\(line 3\\)`));
  });

  it('names the byte offset and line of a damaged byte in a GB18030 file, not the first Chinese character', () => {
    // Eight lines of GBK "中国中国", then a ninth with one 0xFF dropped into its middle.
    const line = [0xd6, 0xd0, 0xb9, 0xfa, 0xd6, 0xd0, 0xb9, 0xfa, 0x0a];
    const before = Array.from({ length: 8 }, () => line).flat();
    const bytes = new Uint8Array([...before, 0xd6, 0xd0, 0xff, 0xb9, 0xfa, 0x0a, ...line]);
    const at = before.length + 2;
    expect(() => decodeBulletin('gbk.txt', bytes)).toThrow(new RegExp(`gbk\\.txt:9: .*not GB18030 is at byte ${at} \\(line 9\\): 0xFF`));
  });

  it('names the first bad sequence of a GB18030 file cut inside a four-byte character', () => {
    // 0x81 0x30 0x81 0x30 is U+0080 in GB18030; cut after its second byte.
    const bytes = new Uint8Array([0xd6, 0xd0, 0x0a, 0xd6, 0xd0, 0x81, 0x30]);
    expect(() => decodeBulletin('cut.txt', bytes)).toThrow(/cut\.txt:2: .*not GB18030 is at byte 5 \(line 2\)/);
  });

  it('says where the first NUL byte of a binary-looking file is', () => {
    const text = new TextEncoder().encode('第一行\n第二行\n');
    const bytes = new Uint8Array([...text, 0x41, 0x00, 0x00, 0x00, 0x0a]);
    expect(() => decodeBulletin('nul.txt', bytes)).toThrow(new RegExp(`nul\\.txt:3: the file looks binary .*NUL, is at byte ${text.length + 1} \\(line 3\\)`));
  });

  it('refuses a front-matter block that is a list, with one error naming the block, not one per character', () => {
    const source = '---\n- 某地发布新规\n- 某企业推出新品\n---\n正文\n';
    let message = '';
    try {
      decodeBulletin('list.txt', new TextEncoder().encode(source));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^list\.txt:1: the block between the --- lines 1 and 4 is not a set of keys \(it reads as a list\)/);
    expect(message).not.toMatch(/unknown key/);
  });

  it('refuses a closed block of plain text between --- lines as front matter that holds no keys', () => {
    const source = '---\n某月简报\n---\n正文\n';
    expect(() => decodeBulletin('plain.txt', new TextEncoder().encode(source))).toThrow(/plain\.txt:1: the block between the --- lines 1 and 3 is not a set of keys \(it reads as plain text\)/);
  });

  it('reads a first line --- with no closing line as text, not as front matter', () => {
    const source = '---\n某月简报\n产业动态：某地发布新规\n近日，某地发布新规。\n';
    const decoded = decodeBulletin('rule.txt', new TextEncoder().encode(source));
    expect(decoded.overrides).toEqual({});
    expect(decoded.lineOffset).toBe(0);
    expect(decoded.text).toBe(source);
  });

  it('locates invalid front-matter YAML at the line its message names', () => {
    const source = '---\npublication: 某某周报\ndate: 2021-03-31\ndate: 2021-04-30\n---\n正文\n';
    expect(() => decodeBulletin('dup.txt', new TextEncoder().encode(source))).toThrow(/dup\.txt:4: the front matter is not valid YAML \(duplicated mapping key at line 4,/);
  });

  it('refuses a file above the size limit before decoding it', () => {
    const big = new Uint8Array(MAX_BULLETIN_BYTES + 1).fill(0x41);
    expect(() => decodeBulletin('big.txt', big)).toThrow(/big\.txt: the file is 5\.0 MB, more than the 5 MB/);
  });

  it('refuses JavaScript front matter without running it', () => {
    const marker = `ran${Math.random().toString(36).slice(2)}`;
    const source = `---js\n{ title: (globalThis.${marker} = 1) }\n---\n正文\n`;
    expect(() => decodeBulletin('a.txt', new TextEncoder().encode(source))).toThrow(/only YAML front matter is read/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('rejects a date that does not exist, though YAML would roll it into the next month', () => {
    const source = '---\npublication: 信息月报\ndate: 2021-02-30\n---\n正文\n';
    expect(() => decodeBulletin('a.txt', new TextEncoder().encode(source))).toThrow(/a\.txt:3: date "2021-02-30" is not a date that exists/);
  });

  it('rejects a misspelt key, naming its line, the likely key and the allowed keys', () => {
    const source = '---\npublication: 信息月报\nheadline:\n  - 某标题\n---\n正文\n';
    expect(() => decodeBulletin('a.txt', new TextEncoder().encode(source))).toThrow(/a\.txt:3: unknown key "headline" \(did you mean "headlines"\?\)\n  → the keys allowed are publication, date, issue, headlines, not-headlines, articles/);
  });
});
