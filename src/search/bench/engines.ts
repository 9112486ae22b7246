import type { EngineUnderTest } from './measure-browser.ts';

/** The queries `npm run bench` and scripts/bench-search.ts time: common and rare, one to five characters, one and two words. */
export const BENCH_QUERIES = ['华为', '华', '中国移动', '5G基站', 'IPv6', 'AI芯片', '数字经济', '运营商 部署', '人工智能', '云计算', '数据中心', '工业互联网'];

/** The site's own search page, through the hook search-page.ts offers the bench. */
export const OURS: EngineUnderTest = {
  name: 'ours',
  url: '/search/',
  isSearchFile: (url) => /\/search\/(meta|shards|text)|search-page\.js/.test(url),
  run: 'window.__bulletinSearchBench',
};

/** Pagefind's index of the same pages, hosted by PAGEFIND_HOST_PAGE at the site's root. */
export const PAGEFIND: EngineUnderTest = {
  name: 'pagefind',
  url: '/pagefind-bench.html',
  isSearchFile: (url) => url.includes('/pagefind/'),
  run: '(async (q) => { while (!window.pagefindBench) await new Promise((r) => setTimeout(r, 5)); return window.pagefindBench(q); })',
};

/** A page that answers a query with Pagefind up to its first result's data, as ours does up to its first snippet. */
export const PAGEFIND_HOST_PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import * as pagefind from './pagefind/pagefind.js';
window.pagefindBench = async (q) => { const r = await pagefind.search(q); if (r.results[0]) await r.results[0].data(); return r.results.length; };
</script>`;
