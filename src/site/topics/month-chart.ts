import type { MonthCount } from '../model/types.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

/** The chart's text alternative: every month that has articles, in words. */
export function monthSummary(months: MonthCount[]): string {
  const withArticles = months.filter((m) => m.count > 0);
  return withArticles.map((m) => `${monthLabel(m.month)} ${m.count} 篇`).join('，');
}

/**
 * Articles per month as an inline SVG bar chart. Colours come from currentColor and classes in
 * site.css (no style attributes: the CSP forbids them), so it follows dark mode and prints in
 * black. The numbers are also in the SVG's <title>/<desc> and in the figure's caption.
 */
export function monthChart(months: MonthCount[], id: string): string {
  const width = 640;
  const height = 160;
  const top = 18;
  const bottom = 28;
  const left = 8;
  const max = Math.max(1, ...months.map((m) => m.count));
  const slot = (width - left * 2) / Math.max(1, months.length);
  const bar = Math.max(4, Math.min(36, slot * 0.6));
  const plot = height - top - bottom;
  const everyLabel = Math.ceil(months.length / 12);
  const parts = months.map((m, i) => {
    const h = (m.count / max) * plot;
    const x = left + i * slot + (slot - bar) / 2;
    const y = top + plot - h;
    const label = i % everyLabel === 0 || i === months.length - 1
      ? `<text class="chart-axis" x="${(x + bar / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle">${escape(m.month.slice(2).replace('-', '.'))}</text>`
      : '';
    const value = m.count > 0 ? `<text class="chart-value" x="${(x + bar / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${m.count}</text>` : '';
    // A month without articles draws no bar (one of zero height showed nothing but cost bytes on
    // every topic page of a ten-year archive); its axis label, if it has one, is still drawn.
    const rect = m.count > 0 ? `<rect class="chart-bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(1, h).toFixed(1)}" fill="currentColor"><title>${escape(`${monthLabel(m.month)}：${m.count} 篇`)}</title></rect>` : '';
    return `${rect}${value}${label}`;
  });
  const summary = escape(`每月文章数：${monthSummary(months) || '无'}`);
  return (
    `<svg class="month-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">每月文章数</title><desc id="${id}-desc">${summary}</desc>` +
    `<line class="chart-baseline" x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="currentColor"/>` +
    parts.join('') +
    `</svg>`
  );
}
