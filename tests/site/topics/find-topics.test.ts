import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTopics, recurringTerms, TopicFindings, type TopicSource } from '../../../src/site/topics/find-topics.ts';
import { readLexicon, type LexiconEntry } from '../../../src/site/topics/lexicon.ts';
import { MAX_RELATED, MIN_RELATED, relatedArticles, type SimilaritySource } from '../../../src/site/topics/related-articles.ts';
import { countTerm, foldText } from '../../../src/site/topics/text-features.ts';
import { featuresByDefinition } from './support/features-by-definition.ts';

let n = 0;
const article = (issue: string, title: string, text: string): TopicSource => ({ url: `/${issue}/${n++}/`, issue, title, headings: [], text });

const lexicon: LexiconEntry[] = [
  { name: '星河科技', aliases: ['星河公司'], kind: 'organisations' },
  { name: '云梦省', aliases: [], kind: 'places' },
  { name: 'AI', aliases: ['人工智能'], kind: 'technologies' },
];

describe('finding topics', () => {
  const articles = [
    article('2020-01-a', '星河科技发布新品', '正文。'),
    article('2020-02-a', '新品上市', '星河公司表示，星河公司将扩产。'),
    article('2020-02-a', '市场综述', '本月星河科技有一次出现。'),
    article('2020-01-a', '云梦省推进建设', '云梦省。'),
    article('2020-02-a', '人工智能在云梦', '多家企业采用 AI 技术，MAIL 系统不算。'),
    article('2020-03-a', 'AI 芯片出货', '正文。'),
  ];
  const topics = findTopics(articles, lexicon, []);
  const byName = Object.fromEntries(topics.map((t) => [t.name, t]));

  it('counts an article named in its headline, or repeatedly in its text, under any alias', () => {
    expect(byName['星河科技']!.articles).toEqual([0, 1]); // one passing mention (article 2) is not enough
  });

  it('needs at least two articles for a topic', () => {
    expect(byName['云梦省']).toBeUndefined();
  });

  it('finds a Latin term as a word, not inside a longer word', () => {
    expect(byName['AI']!.articles).toEqual([4, 5]);
  });

  it('gives every topic a non-empty ASCII slug from its pinyin', () => {
    expect(byName['星河科技']!.slug).toBe('xing-he-ke-ji');
    expect(byName['AI']!.slug).toBe('ai');
    for (const topic of topics) expect(topic.slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('terms that recur across issues', () => {
  it('takes a headline term met in several articles of several issues, in varied company', () => {
    const articles = [
      article('2020-01-a', '光子计算取得进展', ''),
      article('2020-02-a', '多地布局光子计算', ''),
      article('2020-03-a', '光子计算产业联盟成立', ''),
      article('2020-03-a', '本月要闻', ''),
    ];
    expect(recurringTerms(articles, lexicon)).toEqual(['光子计算']);
  });

  it('ignores a term met in one issue only, and phrases the lexicon lists as ignored', () => {
    const oneIssue = [article('2020-01-a', '光子计算甲', ''), article('2020-01-a', '乙光子计算', ''), article('2020-01-a', '光子计算丙', '')];
    expect(recurringTerms(oneIssue, lexicon)).toEqual([]);
    const articles = [article('2020-01-a', '收入同比增长', ''), article('2020-02-a', '利润同比增长较快', ''), article('2020-03-a', '同比增长放缓', '')];
    expect(recurringTerms(articles, lexicon, ['同比增长'])).toEqual([]);
  });
});

describe('the lexicon in the repository', () => {
  it('reads with names in every kind and no name twice', () => {
    const entries = readLexicon();
    const names = entries.map((e) => e.name);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['organisations', 'places', 'technologies']));
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('related articles', () => {
  const articles = [
    { issue: '2020-01-a', date: '2020-01-15', title: '光子计算芯片流片成功', text: '光子计算芯片首次流片成功，光子计算进入工程化阶段。' },
    { issue: '2020-02-a', date: '2020-02-15', title: '光子计算芯片量产在即', text: '多家企业的光子计算芯片进入量产准备，光子计算生态初步形成。' },
    { issue: '2020-02-a', date: '2020-02-15', title: '港口物流数字化', text: '港口物流企业推进集装箱调度数字化。' },
    { issue: '2020-03-a', date: '2020-03-15', title: '港口物流调度升级', text: '集装箱调度系统升级，港口物流效率提高。' },
    { issue: '2020-01-a', date: '2020-01-15', title: '光子计算同期另一篇', text: '光子计算芯片同一期的报道。' },
  ];
  const related = relatedArticles(articles);

  it('ranks the earlier article on the same subject first', () => {
    expect(related[1]![0]!.index).toBe(0);
    expect(related[3]![0]!.index).toBe(2);
  });

  it('never relates an article to one of its own issue', () => {
    expect(related[0]!.map((r) => r.index)).not.toContain(4);
    expect(related[4]!.map((r) => r.index)).not.toContain(0);
  });

  it('relates an article only to earlier issues, so a new issue leaves older pages as they were', () => {
    expect(related[0]).toEqual([]);
    expect(related[2]!.map((r) => r.index)).not.toContain(3);
  });

  it('orders issues by date, not by their ids', () => {
    const renamed = articles.map((a) => ({ ...a, issue: a.issue === '2020-01-a' ? 'z-first' : a.issue }));
    expect(relatedArticles(renamed)[1]![0]!.index).toBe(0);
  });

  it('orders two issues of the same date by their ids', () => {
    const sameDay = articles.map((a) => ({ ...a, date: '2020-05-01' }));
    expect(relatedArticles(sameDay)[1]![0]!.index).toBe(0);
    expect(relatedArticles(sameDay)[0]).toEqual([]);
  });
});

/**
 * The plain definition, written the slow way: TF-IDF vectors as maps, every cosine through the
 * grams in at most 5% of articles (at least 50), every candidate from an earlier issue sorted.
 */
function relatedByDefinition(articles: SimilaritySource[]): { index: number; score: number }[][] {
  const issueKey = (a: SimilaritySource) => [a.date, a.issue].join('\u0000');
  const counts = articles.map((a) => featuresByDefinition(foldText(`${a.title}\n${a.title}\n${a.title}\n${a.text}`)));
  const df = new Map<string, number>();
  for (const vector of counts) for (const key of vector.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const vectors = counts.map((vector) => new Map([...vector].filter(([key]) => df.get(key)! >= 2).map(([key, count]) => [key, (1 + Math.log(count)) * Math.log(articles.length / df.get(key)!)])));
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0)));
  const limit = Math.max(50, Math.ceil(articles.length * 0.05));
  return articles.map((article, i) => {
    const scores = new Map<number, number>();
    for (const [key, weight] of vectors[i]!) {
      if (df.get(key)! > limit) continue;
      vectors.forEach((other, j) => {
        if (!norms[j] || !other.has(key)) return;
        scores.set(j, (scores.get(j) ?? 0) + (weight / norms[i]!) * (other.get(key)! / norms[j]!));
      });
    }
    return [...scores]
      .filter(([j, score]) => issueKey(articles[j]!) < issueKey(article) && score > 0)
      .map(([index, score]) => ({ index, score }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .filter((candidate, rank) => rank < MIN_RELATED || (rank < MAX_RELATED && candidate.score >= 0.12));
  });
}

describe('related articles in a large archive', () => {
  // Invented articles over a small alphabet: many shared grams, grams above the 5% limit, ties.
  const alphabet = Array.from('光子计算芯片港口物流调度数字');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const month = (i: number) => String(1 + (i % 12)).padStart(2, '0');
  const articles = Array.from({ length: 160 }, (_, i) => ({ issue: `2020-${month(i)}-a`, date: `2020-${month(i)}-10`, title: word(4), text: `${word(12)}，${word(9)}。` }));
  articles.push({ ...articles[3]!, issue: '2021-01-a', date: '2021-01-10' }, { ...articles[3]!, issue: '2021-02-a', date: '2021-02-10' });

  it('finds exactly the articles and scores of the plain definition', () => {
    expect(relatedArticles(articles)).toEqual(relatedByDefinition(articles));
  });

  it('breaks a tie between equal scores by the earlier article', () => {
    const related = relatedArticles(articles)[161]!;
    expect(related.slice(0, 2).map((r) => r.index)).toEqual([3, 160]);
  });
});

describe('finding topics in many articles', () => {
  const lexiconOfThree: LexiconEntry[] = [
    { name: '星河科技', aliases: ['星河公司'], kind: 'organisations' },
    { name: '云梦省', aliases: [], kind: 'places' },
    { name: 'AI', aliases: [], kind: 'technologies' },
  ];
  // Invented articles: names in headlines, once or twice in the text, split over two articles'
  // texts (the end of one and the start of the next must not make a mention), Latin inside words.
  const texts = ['星河科技', '星河公司', '云梦省', 'AI', 'MAIL', '星河', '科技', '云梦', '省内', '。'];
  let seed = 11;
  const pick = () => texts[(seed = (seed * 48271) % 2147483647) % texts.length]!;
  const many: TopicSource[] = Array.from({ length: 90 }, (_, i) => ({
    url: `/2021-${String(1 + (i % 9)).padStart(2, '0')}-b/${i}/`,
    issue: `2021-${String(1 + (i % 9)).padStart(2, '0')}-b`,
    title: i % 4 === 0 ? pick() + '发布' : '综述',
    headings: i % 5 === 0 ? [pick()] : [],
    text: `${pick()}${pick()}正文${pick()}`,
  }));

  it('finds exactly the articles the definition names: in a headline, or twice in the text', () => {
    const byDefinition = (terms: string[]) =>
      many.flatMap((article, index) => {
        const head = foldText([article.title, article.subtitle ?? '', ...article.headings].join('\n'));
        const body = foldText(article.text);
        const about = terms.some((t) => countTerm(head, t) > 0) || terms.reduce((sum, t) => sum + countTerm(body, t), 0) >= 2;
        return about ? [index] : [];
      });
    const found = findTopics(many, lexiconOfThree, []);
    for (const entry of lexiconOfThree) {
      const expected = byDefinition([entry.name, ...entry.aliases]);
      const topic = found.find((t) => t.name === entry.name);
      expect(topic?.articles ?? [], entry.name).toEqual(expected.length >= 2 ? expected : []);
    }
    expect(found.some((t) => t.articles.length > 5)).toBe(true);
  });
});

describe('finding topics again in the same process', () => {
  // Invented issues: a running subject (光子计算) recurs only once the third issue is in.
  const issue = (id: string, titles: string[], text = '正文。') => titles.map((title) => article(id, title, text));
  const first = issue('2022-01-a', ['光子计算取得进展', '星河科技发布新品', '星河公司扩产'], '星河公司表示，星河公司将扩产。');
  const second = issue('2022-02-a', ['多地布局光子计算', '云梦省推进建设', 'AI 芯片出货']);
  const third = issue('2022-03-a', ['光子计算产业联盟成立', '云梦省发布规划', '人工智能大会召开'], '多家企业采用 AI 技术。');
  const fresh = (articles: TopicSource[]) => findTopics(articles, lexicon, [], new TopicFindings());

  it('finds what a fresh search finds, as issues are added, an article is edited and an issue removed', () => {
    const kept = new TopicFindings();
    const edited = [...first, ...second.map((a, i) => (i === 1 ? { ...a, text: '云梦省。云梦省又一次。' } : a))];
    const steps = [first, [...first, ...second], [...first, ...second, ...third], [...edited, ...third], [...third, ...edited], edited, first];
    for (const [step, articles] of steps.entries()) expect(findTopics(articles, lexicon, [], kept), `step ${step}`).toEqual(fresh(articles));
    // The steps mean something only if the topics changed along the way.
    expect(fresh(steps[2]!).map((t) => t.name)).toContain('光子计算');
    expect(fresh(steps[1]!).map((t) => t.name)).not.toContain('光子计算');
  });

  it('tells apart two articles with the same text but another headline', () => {
    const kept = new TopicFindings();
    const twins = [article('2022-04-a', '星河科技年报', '正文。'), article('2022-04-a', '年度综述', '正文。'), article('2022-05-a', '星河科技新品', '正文。')];
    findTopics(twins, lexicon, [], kept);
    const again = findTopics([twins[1]!, twins[0]!, twins[2]!], lexicon, [], kept);
    expect(again.find((t) => t.name === '星河科技')?.articles).toEqual([1, 2]);
  });
});

describe('finding topics again in the next process', () => {
  const issue = (id: string, titles: string[], text = '正文。') => titles.map((title) => article(id, title, text));
  const first = issue('2023-01-a', ['光子计算取得进展', '星河科技发布新品', '星河公司扩产'], '星河公司表示，星河公司将扩产。');
  const second = issue('2023-02-a', ['多地布局光子计算', '云梦省推进建设', 'AI 芯片出货']);
  const third = issue('2023-03-a', ['光子计算产业联盟成立', '云梦省发布规划', '人工智能大会召开'], '多家企业采用 AI 技术。');
  const fresh = (articles: TopicSource[]) => findTopics(articles, lexicon, [], new TopicFindings());
  const findingsFile = () => join(mkdtempSync(join(tmpdir(), 'topic-findings-')), 'findings.json');

  it('finds what a fresh search finds when each build is a new process reading the last one\'s file', () => {
    const file = findingsFile();
    const edited = [...first, ...second.map((a, i) => (i === 1 ? { ...a, text: '云梦省。云梦省又一次。' } : a))];
    const steps = [first, [...first, ...second], [...first, ...second, ...third], [...edited, ...third], edited, first];
    for (const [step, articles] of steps.entries()) expect(findTopics(articles, lexicon, [], new TopicFindings(file)), `step ${step}`).toEqual(fresh(articles));
    expect(fresh(steps[2]!).map((t) => t.name)).toContain('光子计算');
  });

  it('takes from the file what it says an article it knows is about, and checks only the candidates new since', () => {
    const file = findingsFile();
    const articles = [...first, ...second];
    findTopics(articles, lexicon, [], new TopicFindings(file));
    // Tampered: the file now says the last article is about 星河科技, which its text is not.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { checked: string[]; about: Record<string, number[]> };
    const key = stored.checked.indexOf(['星河科技', '星河公司'].join('\u0001'));
    expect(key).toBeGreaterThanOrEqual(0);
    const digests = Object.keys(stored.about);
    stored.about[digests[digests.length - 1]!]!.push(key);
    writeFileSync(file, JSON.stringify(stored));
    const told = findTopics(articles, lexicon, [], new TopicFindings(file)).find((t) => t.name === '星河科技')!;
    expect(told.articles).toContain(articles.length - 1);
    expect(fresh(articles).find((t) => t.name === '星河科技')!.articles).not.toContain(articles.length - 1);
    // One more issue brings 光子计算 as a candidate: the older articles are checked against it.
    expect(findTopics([...articles, ...third], lexicon, [], new TopicFindings(file)).find((t) => t.name === '光子计算')?.articles).toEqual(fresh([...articles, ...third]).find((t) => t.name === '光子计算')?.articles);
  });

  it('searches afresh when the file is of another version of the code, unreadable or missing', () => {
    const articles = [...first, ...second, ...third];
    const file = findingsFile();
    findTopics(articles, lexicon, [], new TopicFindings(file));
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: string; about: Record<string, number[]> };
    // Everything claimed about everything: believed, it would change every topic.
    const everything = Array.from({ length: 50 }, (_, k) => k);
    const claimed = { ...stored, about: Object.fromEntries(Object.keys(stored.about).map((d) => [d, everything])) };
    writeFileSync(file, JSON.stringify({ ...claimed, version: 'another' }));
    expect(findTopics(articles, lexicon, [], new TopicFindings(file))).toEqual(fresh(articles));
    writeFileSync(file, '{"version": "half a fi');
    expect(findTopics(articles, lexicon, [], new TopicFindings(file))).toEqual(fresh(articles));
    expect(findTopics(articles, lexicon, [], new TopicFindings(join(file, 'not-a-folder', 'x.json')))).toEqual(fresh(articles));
  });
});
