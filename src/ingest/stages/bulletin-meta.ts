import { pinyin } from 'pinyin-pro';
import type { BulletinMeta, NormalisedText } from '../../types.ts';

/**
 * Who published the bulletin and when, read from the bulletin itself: the front matter an
 * editor added, else the cover, the running head and footer date, else the dates its
 * articles mention, else a YYYY-MM in the file name.
 */
export function readBulletinMeta(text: NormalisedText & { cover: string[] }, source: string): BulletinMeta & { dateFrom: string } {
  const publication = text.overrides.publication ?? findPublication(text) ?? '未署名简报';
  const found = text.overrides.date ? { date: text.overrides.date, from: 'front matter' } : findDate(text, source);
  const date = found ? (found.date.length === 7 ? `${found.date}-01` : found.date) : '1970-01-01';
  const issue = text.overrides.issue ?? `${date.slice(0, 7)}-${initials(publication)}`;
  return { issue, date, publication, source, dateFrom: found?.from ?? 'nowhere (set date: in the correction file, seeds/<name>.yml)' };
}

function findPublication(text: NormalisedText & { cover: string[] }): string | null {
  // A running head repeats the publication's name on every page: the best evidence there is.
  const heads = text.furniture.filter((line) => !/\d/.test(line) && line.length <= 30 && !/^(©|copyright)/i.test(line));
  if (heads.length > 0) return mostCommon(heads);
  if (text.cover.length > 0) return text.cover.join('').replace(/\s+/g, '');
  const titled = text.paragraphs.find((p) => /^《[^》]{2,20}》$/.test(p.text));
  return titled ? titled.text.slice(1, -1) : null;
}

const FOOTER_DATE = /(20\d{2})[.\-/年](\d{1,2})[.\-/月](\d{1,2})/;
const FULL_DATE = /(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const YEAR = /(20\d{2})\s*年/g;
const MONTH_DAY = /(?<![\d年]\s?)(\d{1,2})\s*月\s*\d{1,2}\s*日/g;

function findDate(text: NormalisedText, source: string): { date: string; from: string } | null {
  for (const line of text.furniture) {
    const m = FOOTER_DATE.exec(line);
    if (m) return { date: iso(m[1], m[2], m[3]), from: 'page footer' };
  }
  const body = text.paragraphs.map((p) => p.text).join('\n');
  const full = [...body.matchAll(FULL_DATE)].map((m) => iso(m[1], m[2], m[3])).filter((d) => Number(d.slice(5, 7)) <= 12);
  const monthDays = [...body.matchAll(MONTH_DAY)].map((m) => Number(m[1])).filter((m) => m >= 1 && m <= 12);
  const years = [...body.matchAll(YEAR)].map((m) => m[1]);
  // News reports the recent past to the day. A day given without a year belongs to the year
  // the bulletin talks about most; the latest such day is the issue's month.
  const year = years.length > 0 ? mostCommon(years) : null;
  const candidates = [...full.map((d) => d.slice(0, 7)), ...(year ? monthDays.map((m) => `${year}-${String(m).padStart(2, '0')}`) : [])].sort();
  if (candidates.length > 0) return { date: candidates[candidates.length - 1], from: 'dates in the articles' };
  const named = /(20\d{2})[-_.]?(0[1-9]|1[0-2])/.exec(source);
  return named ? { date: `${named[1]}-${named[2]}`, from: 'file name' } : null;
}

function iso(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function mostCommon<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/** Pinyin initials keep issue ids short, ASCII and stable: 信息产业监测 → xxcyjc. */
export function initials(publication: string): string {
  const letters = pinyin(publication, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return letters.slice(0, 12) || 'bulletin';
}
