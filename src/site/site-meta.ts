/** Site-wide settings; the environment may override where the site is published. */
export interface SiteMeta {
  title: string;
  description: string;
  /** Absolute origin for the feed and sitemap, which must carry full URLs. */
  url: string;
}

export function siteMeta(env: NodeJS.ProcessEnv = process.env): SiteMeta {
  return {
    title: '行业信息监测月报',
    description: '《行业信息监测与市场分析》各期月报全文：产业环境、运营竞争、技术情报、企业情报、海外借鉴。',
    url: (env.SITE_URL ?? 'http://localhost:8080').replace(/\/+$/, ''),
  };
}
