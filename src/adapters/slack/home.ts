// The App Home tab: what the bot answers, example questions as buttons, and how current its data is.
// Pure (a view from its inputs); the listener that publishes it is in direct.ts. Typed with
// @slack/types (types only: nothing from the SDK runs here).
import type { ActionsBlock, HomeView, KnownBlock } from '@slack/types';
import { plainText, truncate } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';

/** Every example button's action_id starts with this; the rest is its position. */
export const EXAMPLE_ACTION_PREFIX = 'azlinux_example_';
export const EXAMPLE_ACTION_ID = new RegExp(`^${EXAMPLE_ACTION_PREFIX}\\d+$`);

export interface HomeContent {
  /** questions offered as buttons; each is asked as typed when pressed */
  examples: readonly string[];
  /** the knowledge's as-of date (YYYY-MM-DD) */
  asOf: string;
}

/** A home view holds 100 blocks; this one needs far fewer, and an actions block 25 elements. */
const MAX_EXAMPLES = L.actionElements;

export function homeView(content: HomeContent): HomeView {
  const examples = content.examples.slice(0, MAX_EXAMPLES);
  const buttons: ActionsBlock = {
    type: 'actions',
    block_id: 'azlinux_examples',
    elements: examples.map((question, i) => ({
      type: 'button',
      action_id: `${EXAMPLE_ACTION_PREFIX}${i}`,
      text: { type: 'plain_text', text: truncate(plainText(question), L.buttonText), emoji: false },
      value: truncate(question, L.buttonValue, ''),
    })),
  };
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'azlinux: distro lineage and x86-64 levels on Azure' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '*Where does this distro come from?* Azure Linux, RHEL, Rocky, Alma, Ubuntu and more: upstreams, kernels, end-of-life dates.\n' +
          '*Will it run on this machine?* Which processors an Azure VM size may land on, which x86-64 level (v1–v4) it guarantees, and a yes / no / depends verdict for a distro release.',
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Ask here in *Messages*, mention me in a channel, or use `/azlinux` and `/cpulevel`. Try one (the answer comes to you in Messages, only you see it):',
      },
    },
    ...(buttons.elements.length > 0 ? [buttons] : []),
    { type: 'divider' },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Data as of ${content.asOf}. Every answer cites its sources and the date they were checked.` }],
    },
  ];
  return { type: 'home', blocks };
}
