import { SECTIONS, type Article, type Section } from '../../types.ts';

/**
 * Words that mark each section's subject. A bulletin printed without section headings still
 * needs its articles filed; these cues follow the sections' definitions: policy and
 * environment / operators and regional competition / technology / companies / overseas.
 */
const CUES: Record<Section, RegExp> = {
  产业环境: /政策|国务院|工信部|工业和信息化部|发改委|部署|规划|意见|通知|方案|战略|指导|监管|新基建|数字中国|数字经济|峰会|会议|论坛|协会|大会/g,
  运营竞争: /运营商|中国移动|中国联通|中国电信|中国铁塔|移动公司|联通|电信|省|市|地区|区域|全省|全市|基站|网络建设|千兆|宽带|用户|套餐|北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|郑州|深圳|杭州|成都|武汉|广州/g,
  技术情报: /技术|芯片|算法|人工智能|AI|量子|研发|专利|标准|架构|算力|云计算|区块链|物联网|大数据|实验室|科学家/g,
  企业情报: /公司|集团|企业|华为|中兴|阿里|腾讯|百度|小米|京东|联想|股份|营收|利润|上市|财报|融资|CEO|董事长/g,
  海外借鉴: /美国|欧洲|欧盟|日本|韩国|英国|法国|德国|印度|俄罗斯|外媒|海外|国外|境外|国际电联|全球/g,
};

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The section whose cues the article's title (weighted) and body mention most. */
export function inferSection(article: Pick<Article, 'title' | 'blocks'>): Section {
  const body = article.blocks.map((b) => ('text' in b ? b.text : b.rows.flat().join(' '))).join('\n');
  let best: Section = SECTIONS[0];
  let bestScore = -1;
  for (const section of SECTIONS) {
    const score = 4 * count(article.title, CUES[section]) + count(body, CUES[section]) / Math.max(1, body.length / 1000);
    if (score > bestScore) {
      best = section;
      bestScore = score;
    }
  }
  return best;
}
