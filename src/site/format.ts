/** Dates and numbers as a Chinese reader expects them. Dates are YYYY-MM-DD strings. */

function parts(date: string): [string, number, number] {
  const [year = '', month = '1', day = '1'] = date.split('-');
  return [year, Number(month), Number(day)];
}

/** "2020-11-01" → "2020年11月" (an issue is monthly; the day is often a placeholder). */
export function chineseMonth(date: string): string {
  const [year, month] = parts(date);
  return `${year}年${month}月`;
}

/** "2020-11-05" → "2020年11月5日" */
export function chineseDate(date: string): string {
  const [year, month, day] = parts(date);
  return `${year}年${month}月${day}日`;
}

/** RFC 3339 timestamp for Atom, at midnight China Standard Time. */
export function rfc3339(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/**
 * 12345 → "12,345". Written out rather than toLocaleString: the first call loads ICU's locale
 * data, which Eleventy's own benchmark showed as over a second of every build.
 */
export function groupedNumber(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
