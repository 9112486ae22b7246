import { decodeBulletin } from '../ingest/decode.ts';
import { DecodeError } from '../ingest/errors.ts';

/**
 * The text of a correction file (seeds/<name>.yml), decoded by the bulletin's own rules (UTF-8
 * with or without BOM, UTF-16 with BOM, GB18030/GBK): an editor saves it with the same editor,
 * and a GBK file read as UTF-8 would publish mojibake. A file that is none of these is refused,
 * naming the file, the line and the first bad byte.
 */
export function decodeCorrectionFile(file: string, bytes: Uint8Array): string {
  // Plain ASCII (an empty file too) is the same text in every encoding allowed.
  if (bytes.every((b) => b > 0 && b < 0x80)) return new TextDecoder('utf-8').decode(bytes);
  // decodeBulletin also reads a front-matter block, and a YAML file opening with its "---"
  // document marker would look like one; only the encoding is wanted from it. With every "-"
  // byte made "#", no block can open, and the bytes are exactly as valid as before in each
  // encoding: both are ASCII in UTF-8, never part of a GB18030 sequence, and in UTF-16 neither
  // makes or unmakes a surrogate.
  const probe = bytes.map((b) => (b === 0x2d ? 0x23 : b));
  try {
    return new TextDecoder(decodeBulletin(file, probe).encoding).decode(bytes);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new DecodeError(error.file, error.line, error.problem, `save ${file} as plain text, UTF-8 (or GB18030 like the bulletin), and ingest again`);
  }
}
