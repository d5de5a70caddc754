// What Slack would refuse: the fake Web API and the renderer tests both check messages with this.
// Numbers come from the same table the renderer uses (src/adapters/slack/limits.ts), which records
// Slack's documented limits.
import { SLACK_LIMITS as L } from '../../src/adapters/slack/limits.js';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function textOf(obj: unknown, where: string, max: number, problems: string[], kind?: 'plain_text' | 'mrkdwn'): number {
  if (!isObj(obj)) {
    problems.push(`${where}: missing text object`);
    return 0;
  }
  const type = str(obj['type']);
  if (type !== 'plain_text' && type !== 'mrkdwn') problems.push(`${where}: bad text type ${String(type)}`);
  if (kind !== undefined && type !== kind) problems.push(`${where}: must be ${kind}`);
  const text = str(obj['text']);
  if (text === undefined || text.length === 0) problems.push(`${where}: empty text`);
  else if (text.length > max) problems.push(`${where}: ${text.length} chars > ${max}`);
  return text?.length ?? 0;
}

/** Every way `message` ({text, blocks}) breaks Slack's rules; empty when Slack would accept it. */
export function slackMessageProblems(message: Json): string[] {
  const problems: string[] = [];
  const text = message['text'];
  const blocks = message['blocks'];
  if (blocks === undefined) {
    if (typeof text !== 'string' || text.length === 0) problems.push('no text and no blocks');
    return problems;
  }
  if (typeof text !== 'string' || text.trim().length === 0) problems.push('blocks without a text fallback');
  else if (text.length > L.messageText) problems.push(`text: ${text.length} chars > ${L.messageText}`);
  if (!Array.isArray(blocks)) return [...problems, 'blocks is not an array'];
  if (blocks.length > L.blocks) problems.push(`${blocks.length} blocks > ${L.blocks}`);
  let total = 0;
  blocks.forEach((block: unknown, i) => {
    const at = `blocks[${i}]`;
    if (!isObj(block)) {
      problems.push(`${at}: not an object`);
      return;
    }
    switch (block['type']) {
      case 'header':
        total += textOf(block['text'], `${at}.text`, L.headerText, problems, 'plain_text');
        break;
      case 'section': {
        const fields = block['fields'];
        if (block['text'] === undefined && fields === undefined) problems.push(`${at}: section without text or fields`);
        if (block['text'] !== undefined) total += textOf(block['text'], `${at}.text`, L.sectionText, problems);
        if (fields !== undefined) {
          if (!Array.isArray(fields) || fields.length === 0) problems.push(`${at}.fields: empty`);
          else {
            if (fields.length > L.sectionFields) problems.push(`${at}.fields: ${fields.length} > ${L.sectionFields}`);
            fields.forEach((f: unknown, j) => {
              total += textOf(f, `${at}.fields[${j}]`, L.fieldText, problems);
            });
          }
        }
        break;
      }
      case 'context': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}.elements: empty`);
        else {
          if (elements.length > L.contextElements) problems.push(`${at}.elements: ${elements.length} > ${L.contextElements}`);
          elements.forEach((e: unknown, j) => {
            total += textOf(e, `${at}.elements[${j}]`, L.contextText, problems);
          });
        }
        break;
      }
      case 'actions': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}.elements: empty`);
        else {
          if (elements.length > L.actionElements) problems.push(`${at}.elements: ${elements.length} > ${L.actionElements}`);
          elements.forEach((e: unknown, j) => {
            const where = `${at}.elements[${j}]`;
            if (!isObj(e) || e['type'] !== 'button') {
              problems.push(`${where}: not a button`);
              return;
            }
            total += textOf(e['text'], `${where}.text`, L.buttonText, problems, 'plain_text');
            const value = str(e['value']) ?? '';
            if (value.length > L.buttonValue) problems.push(`${where}.value: ${value.length} > ${L.buttonValue}`);
            total += value.length;
            const id = str(e['action_id']) ?? '';
            if (id.length === 0 || id.length > L.actionId) problems.push(`${where}.action_id: bad length`);
          });
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unknown block type ${String(block['type'])}`);
    }
  });
  if (total > L.totalBlockText) problems.push(`msg_blocks_too_long: ${total} chars of block text > ${L.totalBlockText}`);
  return problems;
}

/** Every string a message would show, for "never pings" checks. */
export function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (isObj(value)) return Object.values(value).flatMap(allText);
  return [];
}
