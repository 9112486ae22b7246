import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { listSiteFiles } from './site-files.ts';

export interface HtmlProblem {
  page: string;
  line: number;
  rule: string;
  message: string;
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Chinese titles and headings are routinely long; the rule is about English SEO snippets.
    'long-title': 'off',
  },
});

/** html-validate's recommended rules over every HTML page of a built site. */
export async function validateSiteHtml(siteDir: string): Promise<HtmlProblem[]> {
  const problems: HtmlProblem[] = [];
  for (const page of listSiteFiles(siteDir).filter((file) => file.endsWith('.html'))) {
    const report = await validator.validateFile(join(siteDir, page));
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({ page, line: message.line, rule: message.ruleId, message: message.message });
      }
    }
  }
  return problems;
}
