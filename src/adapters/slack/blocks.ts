// The few Block Kit shapes the renderer emits, built on @slack/types (types only: nothing from the SDK
// runs, so the renderer stays pure). Each is the library's block narrowed to what the renderer puts in
// it (a section's text is always mrkdwn, a context holds only text, a button always has a value), so the
// renderer and the tests read them without narrowing; `asKnownBlock` proves each is still a block Slack's
// types accept.
import type {
  ActionsBlock as SlackActionsBlock,
  Button,
  ContextBlock as SlackContextBlock,
  HeaderBlock as SlackHeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock as SlackSectionBlock,
} from '@slack/types';

export type PlainTextObject = PlainTextElement;
export type MrkdwnObject = MrkdwnElement;

export type HeaderBlock = SlackHeaderBlock;

export interface SectionBlock extends Omit<SlackSectionBlock, 'text' | 'fields' | 'accessory'> {
  text?: MrkdwnObject;
  fields?: MrkdwnObject[];
}

export interface ContextBlock extends Omit<SlackContextBlock, 'elements'> {
  elements: MrkdwnObject[];
}

export interface ButtonElement extends Button {
  action_id: string;
  value: string;
}

export interface ActionsBlock extends Omit<SlackActionsBlock, 'elements'> {
  elements: ButtonElement[];
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** Every Block is a KnownBlock (a compile-time check; also the way to hand one to Slack's own types). */
export const asKnownBlock = (block: Block): KnownBlock => block;

/** A message as chat.postMessage / response_url take it: blocks plus the plain fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Characters of text a block carries (what Slack counts towards msg_blocks_too_long). */
export function blockTextLength(block: Block): number {
  let n = 0;
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      if (block.text !== undefined) n += block.text.text.length;
      if (block.fields !== undefined) for (const field of block.fields) n += field.text.length;
      return n;
    case 'context':
      for (const element of block.elements) n += element.text.length;
      return n;
    case 'actions':
      for (const element of block.elements) n += element.text.text.length + element.value.length;
      return n;
  }
}
