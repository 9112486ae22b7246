/**
 * One base class for everything that can go wrong while ingesting, so the CLI can collect
 * them all and report them together (file, line, what is wrong, how to fix it).
 */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${problem}\n  → ${fix}`);
    this.name = new.target.name;
  }
}

export class DecodeError extends IngestError {}
export class StructureError extends IngestError {}
export class WriteError extends IngestError {}
