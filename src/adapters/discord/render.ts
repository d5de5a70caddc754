// Answer -> Discord embeds. Generic over the answer tree: what to say is the core's; this file only
// decides how it looks and keeps every piece inside Discord's limits, shortening visibly ("…").
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { type Answer, type Fact, type Section, type Source, sourceDateLabel } from '../../core/index.js';
import { EMBED_LIMITS } from './limits.js';
import { ELLIPSIS, escapeMarkdown, link, neutraliseMentions, truncate } from './text.js';
import { alignedLines } from '../common/table.js';

/** Share of the 6,000-character embed budget each part may take, so no part can starve the others. */
const BUDGET = {
  summary: 1000,
  facts: 1800,
  suggestions: 300,
  footer: 160,
} as const;

const COLOURS = {
  default: 0x0078d4,
  yes: 0x2e7d32,
  no: 0xc62828,
  depends: 0xf9a825,
  problem: 0x6b7280,
} as const;

const SHORTENED_NOTE = 'Shortened to fit Discord.';

/** One embed (the 6,000 total is shared across a message's embeds, so more would not hold more). */
export function renderAnswer(answer: Answer): APIEmbed[] {
  let shortened = false;
  const clip = (text: string, max: number): string => {
    const out = truncate(text, max);
    if (out !== text) shortened = true;
    return out;
  };

  const title = clip(clean(answer.title) || 'azlinux-bot', EMBED_LIMITS.title);
  const summary = clip(escapeMarkdown(clean(answer.summary)), BUDGET.summary);

  const fields: APIEmbedField[] = [];
  const caveatLines = answer.caveats.map((c) => `• ${escapeMarkdown(clean(c))}`);
  const sourceLines = answer.sources.map(sourceLine);
  const reserved = (answer.suggestions.length > 0 ? 1 : 0) + (caveatLines.length > 0 ? 2 : 0) + (sourceLines.length > 0 ? 3 : 0);
  const facts = packFacts(answer.facts, EMBED_LIMITS.fields - reserved, BUDGET.facts);
  shortened ||= facts.shortened;
  fields.push(...facts.fields);

  if (answer.suggestions.length > 0) {
    const items = answer.suggestions.map((s) => `\`${clean(s).replace(/`/g, 'ˋ')}\``);
    const packed = packList(items, BUDGET.suggestions, ', ');
    shortened ||= packed.shortened;
    fields.push({ name: 'Did you mean', value: packed.text, inline: false });
  }

  // Caveats and sources get one field each for sure, and more (2 and 3 at most) from whatever the title, facts
  // and the full description leave of the 6,000 (caveats first: they are what keeps an answer honest).
  const footerRoom = BUDGET.footer;
  const charsOf = (list: APIEmbedField[]) => list.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const wanted = packDescription(summary, answer.sections, EMBED_LIMITS.description).text.length;
  const need = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  const base = (lines: string[]) => Math.min(need(lines), EMBED_LIMITS.fieldValue);
  let extra = EMBED_LIMITS.total - title.length - charsOf(fields) - footerRoom - wanted - base(caveatLines) - base(sourceLines) - 60;
  for (const [name, lines, maxFields] of [
    ['Caveats', caveatLines, 2],
    ['Sources', sourceLines, 3],
  ] as const) {
    if (lines.length === 0) continue;
    // (+200 a field: lines go into a field whole, so a field may end well short of 1,024)
    const more = Math.max(0, Math.min(need(lines) - base(lines) + 200 * (maxFields - 1), EMBED_LIMITS.fieldValue * (maxFields - 1), extra));
    extra -= more;
    const packed = packFields(name, lines, Math.max(base(lines), EMBED_LIMITS.fieldValue) + more, maxFields);
    shortened ||= packed.shortened;
    fields.push(...packed.fields);
  }

  // Description: the summary, then the detail sections, in whatever room the rest leaves.
  const descriptionRoom = Math.min(EMBED_LIMITS.description, EMBED_LIMITS.total - title.length - charsOf(fields) - footerRoom);
  const body = packDescription(summary, answer.sections, descriptionRoom);
  shortened ||= body.shortened;

  const newest = newestAsOf(answer.sources);
  const footerParts = [newest ? `Data checked as of ${newest}` : '', shortened ? SHORTENED_NOTE : ''].filter(Boolean);
  const embed: APIEmbed = {
    title,
    description: body.text || ELLIPSIS,
    color: colourOf(answer),
    fields,
  };
  if (footerParts.length > 0) embed.footer = { text: truncate(footerParts.join(' · '), footerRoom) };
  return [enforceTotal(embed)];
}

function clean(text: string): string {
  return neutraliseMentions(text.trim());
}

function colourOf(answer: Answer): number {
  switch (answer.kind) {
    case 'compat':
      return COLOURS[answer.verdict];
    case 'error':
    case 'not-found':
      return COLOURS.problem;
    default:
      return COLOURS.default;
  }
}

function sourceLine(source: Source): string {
  const asOf = sourceDateLabel(source);
  const title = clean(source.title).replace(/\s+/g, ' ');
  const full = `${link(truncate(title, 200), source.url)} · ${asOf}`;
  // a link cannot be cut without breaking it: fall back to the title alone when the URL is absurdly long
  return full.length <= 400 ? full : `${escapeMarkdown(truncate(title, 200))} · ${asOf}`;
}

function newestAsOf(sources: Source[]): string | undefined {
  let newest: string | undefined;
  for (const s of sources) if (!newest || s.asOf > newest) newest = s.asOf;
  return newest;
}

/** Facts as inline fields, within a field count and a character budget; overflow is said, not hidden. */
function packFacts(facts: Fact[], maxFields: number, budget: number): { fields: APIEmbedField[]; shortened: boolean } {
  const fields: APIEmbedField[] = [];
  let left = budget;
  let shortened = false;
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    const remainingFacts = facts.length - i;
    const lastSlot = fields.length === maxFields - 1 && remainingFacts > 1;
    if (fields.length >= maxFields || left < 24 || lastSlot) {
      const dropped = facts.slice(i).map((f) => clean(f.label));
      const value = truncate(dropped.join(', '), Math.max(1, Math.min(EMBED_LIMITS.fieldValue, left - 12)));
      if (fields.length < maxFields && left >= 16) fields.push({ name: `${ELLIPSIS} more`, value: value || ELLIPSIS, inline: false });
      shortened = true;
      break;
    }
    const name = truncate(clean(fact.label) || ELLIPSIS, Math.min(EMBED_LIMITS.fieldName, 64, Math.floor(left / 2)));
    const valueMax = Math.min(EMBED_LIMITS.fieldValue, left - name.length);
    const raw = escapeMarkdown(clean(fact.value)) || '—';
    const value = truncate(raw, valueMax);
    if (value !== raw || name !== (clean(fact.label) || ELLIPSIS)) shortened = true;
    fields.push({ name, value, inline: value.length <= 40 });
    left -= name.length + value.length;
  }
  return { fields, shortened };
}

/**
 * Lines spread over up to `maxFields` fields of ≤ 1,024 characters ("Sources", "Sources (more)", ...),
 * `room` characters in all; whatever does not fit is counted in a final "… and N more".
 */
function packFields(name: string, lines: string[], room: number, maxFields: number): { fields: APIEmbedField[]; shortened: boolean } {
  const fields: APIEmbedField[] = [];
  let left = room;
  let rest = lines;
  while (rest.length > 0) {
    const fieldName = fields.length === 0 ? name : `${name} (more)`;
    const lastField = fields.length === maxFields - 1;
    const cap = Math.min(EMBED_LIMITS.fieldValue, left - fieldName.length);
    let value = '';
    let taken = 0;
    for (const line of rest) {
      const next = value ? `${value}\n${line}` : line;
      if (next.length > cap) break;
      value = next;
      taken++;
    }
    if (taken === rest.length) {
      fields.push({ name: fieldName, value, inline: false });
      return { fields, shortened: false };
    }
    const roomForMore = fields.length > 0 && cap < 80;
    if (lastField || taken === 0 || roomForMore || left - fieldName.length - value.length < 120) {
      // the last field we may use: say how many lines are left out
      const packed = packList(rest, Math.max(1, cap), '\n');
      if (cap > 0) fields.push({ name: fieldName, value: packed.text, inline: false });
      return { fields, shortened: true };
    }
    fields.push({ name: fieldName, value, inline: false });
    left -= fieldName.length + value.length;
    rest = rest.slice(taken);
  }
  return { fields, shortened: false };
}

/** Join items until `max` characters, then say how many were left out. */
function packList(items: string[], max: number, join: string): { text: string; shortened: boolean } {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const sep = text ? join : '';
    const rest = items.length - i - 1;
    const tail = rest > 0 ? `${join}${ELLIPSIS} and ${rest} more` : '';
    if (text.length + sep.length + item.length + tail.length <= max) {
      text += sep + item;
      continue;
    }
    const more = `${ELLIPSIS} and ${items.length - i} more`;
    if (!text) {
      // not even the first item fits whole: cut it (it is plain text or a short link line)
      return { text: truncate(item, max), shortened: true };
    }
    if (text.length + sep.length + more.length <= max) text += sep + more;
    else text = truncate(text, max);
    return { text, shortened: true };
  }
  return { text: text || ELLIPSIS, shortened: false };
}

/** Summary first, then sections (prose and monospace tables) until `max` characters. */
function packDescription(summary: string, sections: Section[], max: number): { text: string; shortened: boolean } {
  if (max <= 0) return { text: '', shortened: summary.length > 0 || sections.length > 0 };
  let text = truncate(summary, max);
  let shortened = text !== summary;
  for (const section of sections) {
    const heading = `\n\n**${truncate(escapeMarkdown(clean(section.title)), 200)}**`;
    const lines = (section.lines ?? []).map((l) => escapeMarkdown(clean(l)));
    const room = max - text.length;
    if (room < heading.length + 8) {
      shortened = true;
      if (room >= 2) text += `\n${ELLIPSIS}`;
      break;
    }
    text += heading;
    if (lines.length > 0) {
      const prose = `\n${lines.join('\n')}`;
      const proseRoom = max - text.length;
      const cut = truncate(prose, proseRoom);
      text += cut;
      if (cut !== prose) {
        shortened = true;
        break;
      }
    }
    if (section.table) {
      const tableRoom = max - text.length - 1;
      const table = renderTable(section.table.columns, section.table.rows, tableRoom);
      if (table.text) text += `\n${table.text}`;
      if (table.shortened) {
        shortened = true;
        break;
      }
    }
  }
  return { text, shortened };
}

const CELL_MAX = 40;

/** A table as a fenced monospace block that always closes, trimmed to `max` characters by whole rows. */
export function renderTable(columns: string[], rows: string[][], max: number): { text: string; shortened: boolean } {
  const cell = (s: string | undefined) => truncate(neutraliseMentions((s ?? '').replace(/```/g, "'''").replace(/\s+/g, ' ')), CELL_MAX);
  const head = columns.map(cell);
  const body = rows.map((r) => columns.map((_, i) => cell(r[i])));
  const [headLine, rule, ...bodyLines] = alignedLines(head, body);
  const open = '```\n';
  const close = '\n```';
  let text = `${open}${headLine}\n${rule}`;
  if (text.length + close.length > max) return { text: '', shortened: true };
  for (let i = 0; i < body.length; i++) {
    const next = `\n${bodyLines[i]!}`;
    const more = `\n${ELLIPSIS} ${body.length - i} more rows`;
    const isLast = i === body.length - 1;
    if (text.length + next.length + (isLast ? 0 : more.length) + close.length <= max || (isLast && text.length + next.length + close.length <= max)) {
      text += next;
      continue;
    }
    if (text.length + more.length + close.length <= max) text += more;
    return { text: text + close, shortened: true };
  }
  return { text: text + close, shortened: false };
}

/** Last line of defence: whatever happened above, the embed never exceeds the 6,000 total. */
function enforceTotal(embed: APIEmbed): APIEmbed {
  const total = () =>
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  let over = total() - EMBED_LIMITS.total;
  if (over > 0 && embed.description) {
    embed.description = truncate(embed.description, Math.max(1, embed.description.length - over));
    over = total() - EMBED_LIMITS.total;
  }
  while (over > 0 && embed.fields && embed.fields.length > 0) {
    embed.fields.pop();
    over = total() - EMBED_LIMITS.total;
  }
  return embed;
}

/** Characters Discord counts towards the 6,000 total across `embeds`. */
export function embedTotal(embeds: APIEmbed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0),
    0,
  );
}
