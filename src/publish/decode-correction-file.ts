import { decodeBytes } from '../ingest/decode.ts';
import { DecodeError } from '../ingest/errors.ts';

/**
 * The text of a correction file (seeds/<name>.yml), decoded by the bulletin's own rules (UTF-8
 * with or without BOM, UTF-16 with BOM, GB18030/GBK): an editor saves it with the same editor,
 * and a GBK file read as UTF-8 would publish mojibake. A file that is none of these is refused,
 * naming the file, the line and the first bad byte.
 */
export function decodeCorrectionFile(file: string, bytes: Uint8Array): string {
  try {
    return decodeBytes(file, bytes).text.replace(/^\uFEFF/, '');
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new DecodeError(error.file, error.line, error.problem, `save ${file} as plain text, UTF-8 (or GB18030 like the bulletin), and ingest again`);
  }
}
