import { describe, expect, it } from 'vitest';
import { inferSection } from '../../../src/ingest/stages/infer-section.ts';

const article = (title: string, body: string) => ({ title, blocks: [{ type: 'paragraph' as const, text: body, line: 1 }] });

describe('inferSection', () => {
  it.each([
    ['国务院印发数字经济发展规划', '国务院日前印发规划，部署数字经济发展的政策举措。', '产业环境'],
    ['河南移动建成 5G 基站一万个', '河南移动在全省加快网络建设，5G 用户突破百万。', '运营竞争'],
    ['量子计算研究取得突破', '科学家在量子算法和芯片技术研发上取得新进展。', '技术情报'],
    ['小米集团第三季度营收增长', '小米公司公布财报，营收和利润创新高。', '企业情报'],
    ['美国加码对外媒监管', '据外媒报道，美国和欧盟正在讨论新的监管措施。', '海外借鉴'],
  ])('files "%s" under its subject', (title, body, section) => {
    expect(inferSection(article(title, body))).toBe(section);
  });
});
