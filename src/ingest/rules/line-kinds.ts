import { isSection, type LineKind, type Paragraph } from '../../types.ts';
import { tableRowCells } from './detect-tables.ts';
import { endsSentence } from './text.ts';

const NUMBERED = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d{1,2}[、.．]\s*\D|第[一二三四五六七八九十]+[，、：])/;
/** "来源：人民邮电报" closes an article in magazine layouts. */
const SOURCE = /^(来源|稿源|文章来源|信息来源|资料来源)\s*[:：]/;

export function isSourceCredit(text: string): boolean {
  return SOURCE.test(text.trim()) && text.trim().length <= 40;
}
/** Serial markers, photo captions and editorial notices: kept, but never prose or headings. */
const NOTE = /^(【[^】]{1,12}】|（[^）]{0,12}(图|摄|供图)[^）]{0,6}）)$|(现场|合影|留影|剪彩|揭牌仪式)。?$|二维码$|^(图|图片)[\d一二三四五六七八九十：:]/;
/** A news photo's caption ends with its credit: "（7 月 3 日摄）。", "新华社发（某某供图）", "-某某摄". */
const PHOTO_CREDIT = /(（[^（）]{0,20}摄）。?|新华社(记者\s*[\u4e00-\u9fff]{2,4}\s*)?发(（[^（）]{0,16}供图）)?|[-－][\u4e00-\u9fff]{2,4}摄)$/;
/** A numbered figure's or table's caption names it at some length: "图4.2 2020年9月…流量". */
const FIGURE_CAPTION = /^[图表]\s*\d+(\.\d+)*\s/;
/**
 * A photo of a speaker is captioned with the title, the name and the act: "…副秘书长某某某致辞".
 * A headline names a speaker by place or occasion ("某某在…致辞"), or the speech ("重要讲话").
 */
const SPEAKER_CAPTION = /(长|主任|经理|书记|主席|院士|校长|董事|总裁|教授)(?!重要|新年|主旨|专题|开幕|闭幕|书面|视频)[\u4e00-\u9fff]{2,3}(发言|致辞|演讲|讲话|主持会议)$/;
/** A colophon's contact lines ("电 话：0371-…", "Email:", "欢迎投稿"): the publisher's notice, not news. */
const COLOPHON = /^((电\s*话|传\s*真|邮\s*编|地\s*址|网\s*址|邮\s*箱|e-?mail)\s*[:：]|欢迎投稿)/i;

/** Kept out of the prose around it: a speaker's, a photo's or a figure's caption. */
export function isCaption(text: string): boolean {
  return ((SPEAKER_CAPTION.test(text) || /[^，。；的]发言$/.test(text)) && text.length <= 30) || isPhotoCredit(text) || isFigureCaption(text);
}

export function isFigureCaption(text: string): boolean {
  return FIGURE_CAPTION.test(text) && text.length <= 40 && !endsSentence(text);
}

export function isPhotoCredit(text: string): boolean {
  return PHOTO_CREDIT.test(text) && text.length <= 120;
}

export function isColophonLine(text: string): boolean {
  return COLOPHON.test(text) && text.length <= 40;
}

export const MAX_HEADING_LENGTH = 64;

export function lineKind(paragraph: Paragraph): LineKind {
  const text = paragraph.text;
  if (isSection(text)) return 'section';
  if (paragraph.display === 'subtitle') return 'subtitle';
  if (/^——|^—[^—]/.test(text) && text.length <= 60) return 'subtitle';
  if (isSourceCredit(text)) return 'source';
  if ((NOTE.test(text) && text.length <= 30) || isCaption(text) || isColophonLine(text)) return 'note';
  if (text.length > MAX_HEADING_LENGTH) return 'prose';
  // A lone figures line is prose; only find-structure, seeing a run of them, makes a table.
  if (tableRowCells(text)) return 'prose';
  if (NUMBERED.test(text) && !endsSentence(text) && text.length <= 40) return 'numbered';
  if (isHeadingShaped(text)) return 'heading';
  return 'prose';
}

/** Short, and not a finished sentence: could be a headline or a subheading. */
export function isHeadingShaped(text: string): boolean {
  if (text.length > MAX_HEADING_LENGTH || text.length < 2) return false;
  // A headline may hold one comma ("疫情冲击下，…？"); in a longer line, two commas make it a
  // sentence.
  const body = text.slice(0, -1);
  // A headline never ends one sentence and starts another ("…发展。充分发挥协会").
  if (/[。；]/.test(body)) return false;
  const commas = (body.match(/[，,]/g) ?? []).length;
  if (commas > 1 && text.length > 30) return false;
  if (commas === 1 && text.length > 40) return false;
  // A question or exclamation can be a heading; a statement ending in 。 cannot.
  if (/[？！?!]$/.test(text)) return text.length <= 40;
  return !endsSentence(text);
}
