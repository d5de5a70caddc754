// Answer -> Block Kit. Pure: the same answer always gives the same message, and every message fits
// Slack's limits (limits.ts) whatever the answer holds; what does not fit is cut visibly.
//
// Layout: header (title) · summary · facts as fields · detail sections · caveats · "did you mean" ·
// sources (context: linked title + as-of date) · optional "Share in channel" button.
// When something must go, detail sections go first, then facts; the title, the summary, the sources,
// the suggestions and the caveats are kept (caveats cut to one section at worst).
import { type Answer, type Fact, type Section, type Source, sourceDateLabel } from '../../core/index.js';
import { blockTextLength, type ActionsBlock, type Block, type ContextBlock, type MrkdwnObject, type SectionBlock, type SlackMessage } from './blocks.js';
import { mrkdwn, mrkdwnCode, mrkdwnLink, plainText, truncate } from './escape.js';
import { alignedLines } from '../common/table.js';
import { SLACK_LIMITS as L, TRUNCATION_MARK } from './limits.js';
import { SharedByText, shared } from './reply-bytes.js';

export const SHARE_ACTION_ID = 'azlinux_share';

export interface RenderOptions {
  /** Value for a "Share in channel" button (see share.ts). Omitted: no button. */
  shareValue?: string;
  /** Slack user id credited on a message everyone sees: "<@U…> asked: `/cpulevel …`". */
  askedBy?: string;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const MAX_TITLE_IN_SECTION = 200;
const MAX_LABEL = 100;
const MAX_CELL = 40;
const MAX_SOURCE_TITLE = 150;
const MAX_QUERY_ECHO = 200;

/** ASCII, so that a reply with nothing else beyond Latin-1 stays a one-byte string ("•" made every
 * reply with a list two bytes a character, through JSON and UTF-8). Slack shows mrkdwn's "- " as written. */
const BULLET = '- ';

const VERDICT_MARK = { yes: ':white_check_mark:', no: ':x:', depends: ':warning:' } as const;

function md(text: string): MrkdwnObject {
  return { type: 'mrkdwn', text };
}

function sectionOf(text: string): SectionBlock {
  return { type: 'section', text: md(truncate(text, L.sectionText)) };
}

/**
 * Detail and caveats sections, kept by their text and shared between replies (with their JSON,
 * reply-bytes.ts): the data repeats them answer after answer (a series' processors, its caveats).
 * Bounded by the data in practice and by this number always (emptied when full).
 */
const keptSections = new SharedByText(512, sectionOf);

function headerBlock(answer: Answer): Block {
  const title = answer.title.trim() || answer.kind;
  return { type: 'header', text: { type: 'plain_text', text: truncate(plainText(title), L.headerText), emoji: true } };
}

function summaryBlock(answer: Answer): SectionBlock | undefined {
  const summary = answer.summary.trim();
  if (summary === '') return undefined;
  const mark = answer.kind === 'compat' ? `${VERDICT_MARK[answer.verdict]} ` : '';
  return sectionOf(mark + mrkdwn(truncate(summary, L.sectionText)));
}

function creditBlock(answer: Answer, userId: string | undefined): ContextBlock | undefined {
  if (userId === undefined || !SLACK_USER_ID.test(userId)) return undefined;
  const query = truncate(answer.query.replace(/\s+/g, ' ').trim(), MAX_QUERY_ECHO);
  const asked = query === '' ? '' : `: \`${mrkdwnCode(query)}\``;
  return { type: 'context', elements: [md(`<@${userId}> asked${asked}`)] };
}

function factFieldText(fact: Fact): string {
  const label = `*${mrkdwn(truncate(fact.label.trim() || '·', MAX_LABEL))}*`;
  const room = L.fieldText - label.length - 1;
  return `${label}\n${truncate(mrkdwn(fact.value.trim() || '—'), room)}`;
}

/**
 * Fact fields, made once per label and value and shared between replies (with their JSON, reply-bytes.ts):
 * the data repeats them answer after answer ("Architecture: x64", a series' name). Kept by the core's own
 * strings (a few label constants, values mostly the data's strings, whose hashes they keep), so a repeated
 * fact costs two lookups and no text. Bounded by the data in practice and by MAX_FACT_FIELDS always.
 */
const factFields = new Map<string, Map<string, MrkdwnObject>>();
let factFieldCount = 0;
const MAX_FACT_FIELDS = 1024;

function factField(fact: Fact): MrkdwnObject {
  let byValue = factFields.get(fact.label);
  let field = byValue?.get(fact.value);
  if (field !== undefined) return field;
  if (factFieldCount >= MAX_FACT_FIELDS) {
    factFields.clear();
    factFieldCount = 0;
    byValue = undefined;
  }
  if (byValue === undefined) {
    byValue = new Map();
    factFields.set(fact.label, byValue);
  }
  field = shared(md(factFieldText(fact)));
  byValue.set(fact.value, field);
  factFieldCount += 1;
  return field;
}

function factBlocks(facts: Fact[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (let i = 0; i < facts.length; i += L.sectionFields) {
    blocks.push({ type: 'section', fields: facts.slice(i, i + L.sectionFields).map(factField) });
  }
  return blocks;
}

function formatTable(table: NonNullable<Section['table']>): string {
  const cell = (s: string | undefined): string => truncate((s ?? '').replace(/\s+/g, ' '), MAX_CELL, '…');
  return alignedLines(
    table.columns.map(cell),
    table.rows.map((r) => table.columns.map((_, i) => cell(r[i]))),
  ).join('\n');
}

/** A code block whose content is cut at a line boundary to fit `room` characters, fences included. */
function codeBlock(content: string, room: number): string {
  const fence = '```';
  const inner = room - 2 * fence.length;
  if (content.length <= inner) return fence + content + fence;
  const markLine = `\n${TRUNCATION_MARK}`;
  let cut = content.lastIndexOf('\n', inner - markLine.length);
  if (cut <= 0) cut = Math.max(0, inner - markLine.length);
  return fence + truncate(content.slice(0, cut), cut, '') + markLine + fence;
}

function detailBlock(section: Section): SectionBlock | undefined {
  const parts: string[] = [];
  const title = section.title.trim();
  if (title !== '') parts.push(`*${mrkdwn(truncate(title, MAX_TITLE_IN_SECTION))}*`);
  const lines = (section.lines ?? []).filter((l) => l.trim() !== '');
  if (lines.length > 0) parts.push(lines.map((l) => mrkdwn(l)).join('\n'));
  let text = truncate(parts.join('\n'), L.sectionText);
  if (section.table && section.table.columns.length > 0 && !text.endsWith(TRUNCATION_MARK)) {
    const room = L.sectionText - text.length - 1;
    const minimum = 6 + TRUNCATION_MARK.length + 40;
    text += room >= minimum ? `${text ? '\n' : ''}${codeBlock(mrkdwnCode(formatTable(section.table)), room)}` : `\n${TRUNCATION_MARK}`;
  }
  return text.trim() === '' ? undefined : keptSections.get(text);
}

/**
 * A caveat's mrkdwn, kept: caveats are sentences from the data (a few hundred), repeated answer after
 * answer, and most quote `code`, which the formatting pass has to walk. Bounded: emptied when full.
 */
const caveatTexts = new Map<string, string>();
const MAX_KEPT_CAVEATS = 512;

function caveatText(caveat: string): string {
  let text = caveatTexts.get(caveat);
  if (text === undefined) {
    if (caveatTexts.size >= MAX_KEPT_CAVEATS) caveatTexts.clear();
    text = mrkdwn(caveat);
    caveatTexts.set(caveat, text);
  }
  return text;
}

function caveatsBlock(caveats: string[]): SectionBlock | undefined {
  let text = ':warning: *Caveats*';
  let any = false;
  for (const caveat of caveats) {
    const item = caveat.trim();
    if (item === '') continue;
    text += `\n${BULLET}${caveatText(item)}`;
    any = true;
  }
  return any ? keptSections.get(text) : undefined;
}

function suggestionsBlock(answer: Answer): SectionBlock | undefined {
  if (answer.suggestions.length === 0 && answer.kind !== 'clarify') return undefined; // most answers: no copies made
  const names = [...answer.suggestions, ...(answer.kind === 'clarify' ? answer.choices : [])];
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
  if (unique.length === 0) return undefined;
  // The summary often already says "did you mean `a`, `b`?"; do not say it twice.
  if (unique.every((n) => answer.summary.includes(n))) return undefined;
  const code = (n: string): string => `\`${mrkdwnCode(truncate(n.replace(/\s+/g, ' '), MAX_QUERY_ECHO))}\``;
  if (answer.kind === 'clarify') return sectionOf(`*Which one did you mean?*\n${unique.map((n) => `${BULLET}${code(n)}`).join('\n')}`);
  return sectionOf(`*Did you mean:* ${unique.map(code).join(', ')}?`);
}

/** A source's context element, made once per source object (answers cite the same few hundred records)
 * and shared between replies (with its JSON bytes, reply-bytes.ts), with the fields it was made from (a
 * changed field is rendered afresh) and the key that tells two citations of the same page apart. */
interface KeptSource {
  of: Source;
  /** url and title: a source cited twice is shown once */
  key: string;
  element: MrkdwnObject;
}
const keptSources = new WeakMap<Source, KeptSource>();

function keptSource(source: Source): KeptSource {
  const kept = keptSources.get(source);
  if (kept && kept.of.url === source.url && kept.of.title === source.title && kept.of.asOf === source.asOf && kept.of.dated === source.dated) return kept;
  const link = mrkdwnLink(source.url, truncate(source.title.trim() || source.url, MAX_SOURCE_TITLE));
  const asOf = source.asOf ? ` · ${mrkdwn(sourceDateLabel(source))}` : '';
  const made = { of: { ...source }, key: `${source.url}\u0000${source.title}`, element: shared(md(truncate(`${link}${asOf}`, L.contextText))) };
  keptSources.set(source, made);
  return made;
}

function sourcesBlock(sources: Source[]): ContextBlock | undefined {
  if (sources.length === 0) return undefined;
  const max = L.contextElements;
  const elements: MrkdwnObject[] = [];
  const seen = new Set<string>();
  let unique = 0;
  for (const source of sources) {
    const kept = keptSource(source);
    if (seen.has(kept.key)) continue;
    seen.add(kept.key);
    unique += 1;
    if (unique <= max) elements.push(kept.element);
  }
  // more than fit: the first max - 1 are shown, and the last place says how many more
  if (unique > max) elements[max - 1] = md(`…and ${unique - (max - 1)} more sources`);
  return { type: 'context', elements };
}

function shareBlock(value: string): ActionsBlock {
  return {
    type: 'actions',
    block_id: 'azlinux_share',
    elements: [
      {
        type: 'button',
        action_id: SHARE_ACTION_ID,
        text: { type: 'plain_text', text: 'Share in channel', emoji: true },
        value: value.slice(0, L.buttonValue),
      },
    ],
  };
}

function noticeText(omitted: number): string {
  const what = omitted === 1 ? '1 more part' : `${omitted} more parts`;
  return `${TRUNCATION_MARK} ${what} of this answer not shown here.`;
}

function noticeBlock(omitted: number): ContextBlock {
  return { type: 'context', elements: [md(noticeText(omitted))] };
}

/** truncate(), closing a ``` fence the cut left open. */
function truncateBalanced(text: string, max: number): string {
  const cut = truncate(text, max - 3);
  if (cut === text) return text;
  const fences = cut.match(/```/g)?.length ?? 0;
  if (fences % 2 === 0) return cut;
  return `${cut.slice(0, cut.length - TRUNCATION_MARK.length)}\`\`\`${TRUNCATION_MARK}`;
}

interface Candidate {
  block: SectionBlock;
  /** lower survives longer */
  priority: number;
}

function total(blocks: Block[]): number {
  let n = 0;
  for (const block of blocks) n += blockTextLength(block);
  return n;
}

/**
 * The message's plain `text`: the answer's first sentence; for an answer that suggests names ("I don't
 * know `x`. Did you mean …?", "… which one?"), up to the sentence that asks; the title when there is
 * no summary. Slack's clients show the blocks; `text` is what a notification shows (mobile
 * notifications use nothing else) and what a screen reader reads in place of the blocks. Chosen for
 * both: one sentence fits a notification, and the first sentence is the answer to the question as
 * asked (the core writes it so), which is what a screen reader user needs first; the facts, detail
 * and sources stay in the blocks. Repeating the whole answer here was 40% of a reply's bytes.
 */
export function fallbackText(answer: Answer): string {
  const summary = answer.summary.trim();
  if (summary === '') return truncate(mrkdwn(answer.title.trim() || answer.kind), L.messageText);
  const asks = answer.kind === 'clarify' || answer.suggestions.length > 0;
  // the end of the summary ends its last sentence
  const at = summary.search(asks ? QUESTION_END : SENTENCE_END);
  return truncate(mrkdwn(at < 0 ? summary : summary.slice(0, at + 1)), L.messageText);
}

/** A sentence ends at . ! or ? followed by white space ("4.0", "x86-64-v3," do not end one). */
const SENTENCE_END = /[.!?](?=\s)/;
/** …and a question at a ? followed by white space. */
const QUESTION_END = /\?(?=\s)/;

/** Render an answer as a Slack message (Block Kit + plain fallback) within Slack's limits. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  // Built with pushes rather than spreads and filters: this runs for every new answer.
  const head: Block[] = [headerBlock(answer)];
  const credit = creditBlock(answer, options.askedBy);
  if (credit !== undefined) head.push(credit);
  const summary = summaryBlock(answer);
  if (summary !== undefined) head.push(summary);
  const tail: Block[] = [];
  const sources = sourcesBlock(answer.sources);
  if (sources !== undefined) tail.push(sources);
  if (options.shareValue !== undefined) tail.push(shareBlock(options.shareValue));

  // the middle in the order built, each with how long it survives a cut (lower: longer)
  const blocks: SectionBlock[] = factBlocks(answer.facts);
  const priorities: number[] = blocks.map(() => 2);
  for (const section of answer.sections) {
    const block = detailBlock(section);
    if (block === undefined) continue;
    blocks.push(block);
    priorities.push(3);
  }
  const caveats = caveatsBlock(answer.caveats);
  if (caveats !== undefined) {
    blocks.push(caveats);
    priorities.push(1);
  }
  const suggestions = suggestionsBlock(answer);
  if (suggestions !== undefined) {
    blocks.push(suggestions);
    priorities.push(0);
  }

  let blocksLeft = L.blocks - head.length - tail.length - 1;
  let charsLeft = L.totalBlockText - total(head) - total(tail) - noticeText(blocks.length).length;
  const text = fallbackText(answer);

  // The usual case: everything fits, so nothing is cut and the order stays as built.
  if (blocks.length <= blocksLeft && total(blocks) <= charsLeft) return { text, blocks: head.concat(blocks, tail) };

  const middle: Candidate[] = blocks.map((block, i) => ({ block, priority: priorities[i] as number }));
  const kept = new Map<number, SectionBlock>();
  const order = middle.map((c, i) => ({ ...c, i })).sort((a, b) => a.priority - b.priority || a.i - b.i);
  for (const { block, i } of order) {
    if (blocksLeft <= 0) break;
    const size = blockTextLength(block);
    if (size <= charsLeft) {
      kept.set(i, block);
      blocksLeft -= 1;
      charsLeft -= size;
    } else if (block.text !== undefined && charsLeft >= 200) {
      kept.set(i, { type: 'section', text: md(truncateBalanced(block.text.text, charsLeft)) });
      blocksLeft -= 1;
      charsLeft = 0;
    }
  }

  const omitted = middle.length - kept.size;
  const body = middle.flatMap((_, i) => {
    const b = kept.get(i);
    return b ? [b] : [];
  });
  return { text, blocks: [...head, ...body, ...(omitted > 0 ? [noticeBlock(omitted)] : []), ...tail] };
}
