import { describe, expect, it } from 'vitest';
import { measureWrapStyle, reflowParagraphs } from '../../../src/ingest/stages/reflow.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
const full = '这是一行被硬换行的正文文字内容这是一行被硬换行的正文文字';

describe('reflowParagraphs', () => {
  it('joins PDF lines until a trailing space marks the paragraph end', () => {
    const source = lines(`${full}\n\n${full}\n\n结束了。 \n\n下一段开始。 `);
    const style = measureWrapStyle(source);
    expect(style.trailingSpaceEndsParagraph).toBe(true);
    const paragraphs = reflowParagraphs(source, style);
    expect(paragraphs.map((p) => p.text)).toEqual([`${full}${full}结束了。`, '下一段开始。']);
    expect(paragraphs[1].line).toBe(7);
  });

  it('reads a trailing space inside open brackets as a word space, not a paragraph end', () => {
    const source = lines(`${full}\n\n合作伙伴生态大会（CPC \n\n2020）上正式推出新计划。 \n\n下一段开始。 `);
    const paragraphs = reflowParagraphs(source, measureWrapStyle(source));
    expect(paragraphs.map((p) => p.text)).toEqual([`${full}合作伙伴生态大会（CPC 2020）上正式推出新计划。`, '下一段开始。']);
  });

  it('keeps one paragraph per line when lines were not wrapped, but mends a page-break cut', () => {
    const long = '石家庄移动还上线数字化看板平台，这一平台可实时展示5G建设中各关键节点进展，及时发现建设瓶颈，实现5G站点建设全流程可视化，有效保证了5G网';
    const paragraphs = reflowParagraphs(lines(`标题一\n\n${long}\n\n量。\n\n新的一段。`), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs.map((p) => p.text)).toEqual(['标题一', `${long}量。`, '新的一段。']);
  });

  it('mends a page-break cut in a full line that holds a comma, which no headline would', () => {
    const cut = '百度搜索及时发布新冠肺炎疫情搜索大数据与民众迁徙路线图，辐射范围达300多个';
    const paragraphs = reflowParagraphs(lines(`${cut}\n\n城市，成为反映疫情趋势的风向标。\n\n数字经济将成推动产业升级重要力量`), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs.map((p) => p.text)).toEqual([`${cut}城市，成为反映疫情趋势的风向标。`, '数字经济将成推动产业升级重要力量']);
  });

  describe('in double-spaced magazine text', () => {
    const magazine = (text: string) => reflowParagraphs(lines(text.split('\n').join('\n\n')), { wrapWidth: 48, trailingSpaceEndsParagraph: false, doubleSpaced: true }).map((p) => p.text);
    const column = '会议由联盟常务副理事长、省通信公司副总经理主持会';

    it('keeps a photo caption out of the paragraph printed under it', () => {
      expect(magazine(`省互联网协会常务副理事长兼秘书长张某某发言\n${column}\n议。`)).toEqual(['省互联网协会常务副理事长兼秘书长张某某发言', `${column}议。`]);
    });

    it('finishes a word the line before cut when the next line opens on one character and a comma', () => {
      expect(magazine(' 为真实客观地反映全省互联网发展状\n况，推动行业高质量发展。')).toEqual(['为真实客观地反映全省互联网发展状况，推动行业高质量发展。']);
    });

    it('runs on from a short line that opens a quotation and does not close it', () => {
      expect(magazine(`${column}\n作为系列活动之一的“产业转移\n对接会”在郑州举行。`)).toEqual([`${column}作为系列活动之一的“产业转移对接会”在郑州举行。`]);
    });

    it('measures a narrower column by the paragraph\'s own lines', () => {
      // Lines of 30 columns where the text's measure is 48: short by that measure, full by their own.
      const narrow = ['资源、网络安全管理等进行统计、', '分析，为政府部门和从业企业以及', '专家学者了解行业发展状况与前沿', '趋势有重要参考意义。'];
      expect(magazine(narrow.join('\n'))).toEqual([narrow.join('')]);
    });

    it('runs on a sentence begun after a full stop on the line, but not past a photo credit', () => {
      expect(magazine('本报告版权归属主办单位所有。本报告\n中的表述如有不妥之处，敬请指正！')).toEqual(['本报告版权归属主办单位所有。本报告中的表述如有不妥之处，敬请指正！']);
      expect(magazine('在上海拍摄的大会开幕式现场。新华社发\n首次以云端峰会亮相的大会吸引了全球目光。')).toEqual(['在上海拍摄的大会开幕式现场。新华社发', '首次以云端峰会亮相的大会吸引了全球目光。']);
    });

    it('runs on past a semicolon that ends a full line, but not into a list item', () => {
      const full = '他作出批示：建设数字福建对全省发展意义十分重大；';
      expect(magazine(`${full}\n实施科教兴省战略，必须抢占制高点。`)).toEqual([`${full}实施科教兴省战略，必须抢占制高点。`]);
      expect(magazine(`一是推动全省网络基础设施建设提速增效稳步推进；\n二是推动行业创新发展。`)).toHaveLength(2);
    });

    it('keeps a quotation\'s speaker with the quotation', () => {
      expect(magazine('“5G 要作为数字经济的引擎，赋能千行百业。”\n某某某强调。')).toEqual(['“5G 要作为数字经济的引擎，赋能千行百业。”某某某强调。']);
    });

    it('reads figures spaced like a date in prose as prose, not a table row', () => {
      expect(magazine('这是工信部某副部长 9 月 27 日在上海出席 2020 \n中国网络媒体论坛时提出的观点。')).toHaveLength(1);
    });

    it('starts a numbered figure\'s caption on its own, after the line that points to it', () => {
      expect(magazine(`${column}（详见图1.1）\n图1.1 2020年9月各运营公司地址数量`)).toEqual([`${column}（详见图1.1）`, '图1.1 2020年9月各运营公司地址数量']);
    });
  });

  it('joins a drop cap to the rest of its sentence', () => {
    const paragraphs = reflowParagraphs(lines(' 建\n成开通 5G 基站 60 万个。'), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs.map((p) => p.text)).toEqual(['建成开通 5G 基站 60 万个。']);
  });

  it('leaves no space between Chinese characters, and mends a split number', () => {
    const paragraphs = reflowParagraphs(lines(' 2 020 年中国 国际信息通信展览会在北京举行。'), { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false });
    expect(paragraphs[0].text).toBe('2020 年中国国际信息通信展览会在北京举行。');
  });

  it('keeps the gap between the phrases of a one-line heading as an ideographic space, but not letter-spacing or stray spaces', () => {
    const source = lines('营造创新生态 山西大力发展数字经济\n\n来 源 ： 水 煮 通 信\n\n正文里 偶有 空格的句子，会被清理干净。');
    const texts = reflowParagraphs(source, { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false }).map((p) => p.text);
    expect(texts).toEqual(['营造创新生态\u3000山西大力发展数字经济', '来源：水煮通信', '正文里偶有空格的句子，会被清理干净。']);
  });

  it('keeps the gap before a second phrase that goes on in Latin letters after one character, in any layout', () => {
    const source = lines('走出价格战的围城 用 AI 开拓新市场\n\n某某公司发布 5G 新品');
    const texts = reflowParagraphs(source, { wrapWidth: null, trailingSpaceEndsParagraph: false, doubleSpaced: false }).map((p) => p.text);
    expect(texts).toEqual(['走出价格战的围城\u3000用 AI 开拓新市场', '某某公司发布 5G 新品']);
  });

  it('ends a magazine paragraph at a short line when no trailing space marks it', () => {
    const a = '一二三四五六七八九十一二三四五六七八九十一二三四';
    const source = lines([a, a, '短的结尾。', a, '另一段结尾。'].join('\n'));
    const style = measureWrapStyle(source);
    expect(style.trailingSpaceEndsParagraph).toBe(false);
    expect(reflowParagraphs(source, style).map((p) => p.text)).toEqual([`${a}${a}短的结尾。`, `${a}另一段结尾。`]);
  });
});

describe('table rows', () => {
  it('never joins a row of figures to the line before or after it', () => {
    const a = '一二三四五六七八九十一二三四五六七八九十一二三四';
    const source = lines([a, a, a, '互联网平台业务 45.5 12.5% 65.1%', '信息服务业务 15.0 11.1% 21.4%', a].join('\n'));
    const texts = reflowParagraphs(source, { wrapWidth: 48, trailingSpaceEndsParagraph: false, doubleSpaced: false }).map((p) => p.text);
    expect(texts).toContain('互联网平台业务 45.5 12.5% 65.1%');
    expect(texts).toContain('信息服务业务 15.0 11.1% 21.4%');
  });
});

/** Hard-wraps text at `width` Chinese characters, as a monospaced extractor does. */
function hardWrap(paragraphs: string[], width: number, indent = ''): string {
  return paragraphs
    .flatMap((p) => {
      const chars = [...(indent + p)];
      const out: string[] = [];
      for (let k = 0; k < chars.length; k += width) out.push(chars.slice(k, k + width).join(''));
      return out;
    })
    .join('\n');
}

describe('reflowParagraphs, any monospaced hard wrap with no blank lines', () => {
  const story = [
    '某某大桥建成通车',
    '本报讯，某某大桥今天正式建成通车，大桥全长十二公里，连接了两岸的八个乡镇和三个工业园区。',
    '大桥设计使用年限为一百年，可抵御十二级台风和八级地震，主跨之长在同类桥梁中位居前列。',
    '两岸新建的物流园区与某某港区同步投入运营，沿线企业的货运时间将大为缩短',
    '据介绍，大桥建设历时五年，先后攻克了深水基础施工、超长钢箱梁吊装、海上高空焊接等多项技术难题，形成了一批具有自主知识产权的施工工法，其中三项达到国际先进水平。',
    '当地交通部门表示，大桥通车后，两岸之间的通行时间将由原来的一个半小时缩短至二十分钟左右，每天可分流过江车辆约三万辆次，对于缓解老桥的交通压力具有重要意义。',
    '下一步，某某市还将围绕大桥两岸规划建设滨江公园、文化中心和体育场馆等一批公共设施，推动两岸一体化发展，让更多市民共享城市发展成果。',
  ];
  // Wrap width is measured over the whole text: a few pages of it.
  const pages = [...story, ...story.slice(1), ...story.slice(1)];
  it.each([25, 32, 41])('ends a paragraph where its last line falls short of a %i-character column', (width) => {
    const source = lines(hardWrap(pages, width));
    const style = measureWrapStyle(source);
    expect(style.justified).toBe(true);
    expect(reflowParagraphs(source, style).map((p) => p.text)).toEqual(pages);
  });

  it('keeps a headline wrapped over two lines one headline', () => {
    const headline = '某某省出台十条措施推进工业互联网建设　打造全国领先的产业集群';
    const text = [headline, ...story.slice(1)];
    const source = lines(hardWrap(text, 25));
    expect(reflowParagraphs(source, measureWrapStyle(source))[0].text).toBe(headline);
  });

  it('keeps the one character a headline wrapped onto its second line with the headline', () => {
    const headline = '某某委员建言：新业态如何应对平台之间的不正当竞争';
    const text = [headline, ...pages.slice(1)];
    const source = lines(hardWrap(text, [...headline].length - 1));
    expect(reflowParagraphs(source, measureWrapStyle(source)).map((p) => p.text)).toEqual(text);
  });

  it('keeps a two-part headline that fills the column exactly apart from the full line of prose under it', () => {
    const headline = '某某港扩建工程提速　年内新增泊位十二个';
    const text = [headline, ...pages.slice(1)];
    const source = lines(hardWrap(text, [...headline].length));
    expect(reflowParagraphs(source, measureWrapStyle(source)).map((p) => p.text)).toEqual(text);
  });

  it('starts a paragraph at a line set in by ideographic spaces, even after a full line', () => {
    const exact = '这一段正好写满了整整一行的二十五个汉字而且没有标点符号啊啊';
    const text = [[...exact].slice(0, 23).join(''), ...story.slice(1)];
    const source = lines(hardWrap(text, 25, '\u3000\u3000'));
    expect(reflowParagraphs(source, measureWrapStyle(source)).map((p) => p.text)).toEqual(text);
  });
});
