// The few Block Kit shapes the renderer emits. Structurally the same as @slack/types' blocks, declared
// here so the renderer stays pure (no SDK import) and tests can walk them without casts.

export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnObject {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type TextObject = PlainTextObject | MrkdwnObject;

export interface HeaderBlock {
  type: 'header';
  text: PlainTextObject;
}

export interface SectionBlock {
  type: 'section';
  text?: MrkdwnObject;
  fields?: MrkdwnObject[];
}

export interface ContextBlock {
  type: 'context';
  elements: MrkdwnObject[];
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainTextObject;
  value: string;
  style?: 'primary' | 'danger';
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: ButtonElement[];
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** A message as chat.postMessage / response_url take it: blocks plus the plain fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Characters of text a block carries (what Slack counts towards msg_blocks_too_long). */
export function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
  }
}
