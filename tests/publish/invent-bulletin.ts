/**
 * Invented bulletins in the table-of-contents layout, for tests that need whole files: a cover
 * line (the publication), a table of contents, sections, articles, and a footer date.
 */
export interface InventedBulletin {
  publication?: string;
  /** Printed in the body as 2021年3月5日 when given. */
  date?: string;
  articles: { section: string; title: string; body: string[] }[];
  /** Text before the cover, e.g. a front-matter block. */
  head?: string;
}

export function inventBulletin(b: InventedBulletin): string {
  const lines: string[] = [];
  if (b.head) lines.push(b.head.trimEnd());
  if (b.publication) lines.push(b.publication, '');
  lines.push('目录', '');
  let section = '';
  for (const a of b.articles) {
    if (a.section !== section) lines.push(`${a.section}\t1`);
    section = a.section;
    lines.push(`${a.title}.....\t1`);
  }
  lines.push('');
  section = '';
  for (const [i, a] of b.articles.entries()) {
    if (a.section !== section) lines.push(a.section, '');
    section = a.section;
    lines.push(a.title, '');
    const dated = b.date && i === 0 ? [`${b.date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}，有关部门发布消息。`] : [];
    for (const paragraph of [...dated, ...a.body]) lines.push(paragraph, '');
  }
  return `${lines.join('\n')}\n`;
}

/** A two-article bulletin whose titles and text are distinct per `tag`. */
export function smallBulletin(tag: string, extra: Partial<InventedBulletin> = {}): string {
  return inventBulletin({
    publication: '示范行业月报',
    date: '2021-03-05',
    articles: [
      { section: '产业环境', title: `${tag}地区推进数字经济发展`, body: [`${tag}地区出台多项措施，推动数字经济与实体经济深度融合，培育新的增长点。`, `据介绍，相关部门将加大资金支持力度，鼓励企业开展技术改造。`] },
      { section: '技术情报', title: `${tag}研究团队发布新型芯片`, body: [`${tag}研究团队近日发布一款新型芯片，能效比上一代提升一倍。`, '研究人员表示，该芯片将率先用于数据中心。'] },
    ],
    ...extra,
  });
}

/** GBK bytes of a text, as a Chinese Windows editor saves it (TextDecoder can read GBK but not write it). */
export function gbk(text: string): Uint8Array {
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : codes.get(c)!)));
}
