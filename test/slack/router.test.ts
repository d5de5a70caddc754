// The listeners behind one Bolt middleware (src/adapters/slack/router.ts), driven through a real Bolt App's
// processEvent: each delivery reaches exactly the listener Bolt's own matchers would pick, with Bolt's
// arguments, and what the router does not take goes on to Bolt's listeners.
import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackRouter } from '../../src/adapters/slack/router.js';

const receiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

function setUp() {
  const app = new App({ token: 'xoxb-test', botId: 'B0BOT', botUserId: 'UBOT', receiver, tokenVerificationEnabled: false, convoStore: false });
  const router = new SlackRouter();
  const calls: string[] = [];
  router.command('/azlinux', async ({ command, ack }) => {
    calls.push(`command ${command.command} ${command.text}`);
    await ack();
  });
  router.command('/cpulevel', async ({ command, ack }) => {
    calls.push(`command ${command.command} ${command.text}`);
    await ack();
  });
  router.blockAction('share', async ({ action, ack }) => {
    calls.push(`action ${action.action_id}`);
    await ack();
  });
  router.blockAction(/^example_\d+$/, async ({ action, ack }) => {
    calls.push(`pattern ${action.action_id}`);
    await ack();
  });
  router.event('app_mention', async ({ event }) => {
    calls.push(`mention ${event.text}`);
  });
  router.event('message', async ({ event, message }) => {
    calls.push(`message ${'text' in event ? event.text : ''} ${message === event}`);
  });
  app.use(router.middleware);
  // Bolt's own listeners see only what the router passed on
  app.command(/.*/, async ({ command, ack }) => {
    calls.push(`bolt command ${command.command}`);
    await ack();
  });
  app.action(/.*/, async ({ action, ack }) => {
    calls.push(`bolt action ${'action_id' in action ? action.action_id : ''}`);
    await ack();
  });
  app.event(/.*/, async ({ event }) => {
    calls.push(`bolt event ${event.type}`);
  });
  const acked: unknown[] = [];
  const deliver = async (body: Record<string, unknown>): Promise<void> => {
    const event: ReceiverEvent = { body, ack: async (reply?: unknown) => void acked.push(reply ?? 'ack') };
    await app.processEvent(event);
  };
  return { calls, acked, deliver };
}

const command = (name: string, text: string) => ({
  command: name,
  text,
  user_id: 'U1',
  team_id: 'T1',
  channel_id: 'C1',
  response_url: 'http://127.0.0.1:1/r',
  trigger_id: 't',
});
const click = (actionId: string, type = 'block_actions') => ({
  type,
  team: { id: 'T1' },
  user: { id: 'U1' },
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v', action_ts: '1' }],
});
const envelope = (event: Record<string, unknown>) => ({
  type: 'event_callback',
  team_id: 'T1',
  event_id: 'Ev1',
  event: { ts: '1.0', channel: 'C1', ...event },
});

describe('SlackRouter', () => {
  it('hands each delivery to exactly the listener that matches it, and nothing else of its own', async () => {
    const { calls, deliver } = setUp();
    await deliver(command('/azlinux', 'upstream'));
    await deliver(command('/cpulevel', 'D4s_v5'));
    await deliver(click('share'));
    await deliver(click('example_3'));
    await deliver(envelope({ type: 'app_mention', user: 'U1', text: 'hi' }));
    await deliver(envelope({ type: 'message', user: 'U1', text: 'dm', channel_type: 'im' }));
    expect(calls).toEqual(['command /azlinux upstream', 'command /cpulevel D4s_v5', 'action share', 'pattern example_3', 'mention hi', 'message dm true']);
  });

  it('passes on what it does not take: other commands, action ids, payload types and events', async () => {
    const { calls, deliver } = setUp();
    await deliver(command('/weather', 'today'));
    await deliver(command('/azlinux2', 'x'));
    await deliver(click('not_ours'));
    await deliver(click('example_x'));
    await deliver(envelope({ type: 'reaction_added', user: 'U1' }));
    expect(calls).toEqual(['bolt command /weather', 'bolt command /azlinux2', 'bolt action not_ours', 'bolt action example_x', 'bolt event reaction_added']);
  });

  it("keeps Bolt's ignoreSelf in front: the bot's own mention reaches no listener", async () => {
    const { calls, deliver } = setUp();
    await deliver(envelope({ type: 'app_mention', user: 'UBOT', text: 'me' }));
    expect(calls).toEqual([]);
  });

  it('refuses a second listener for the same command, action or event', () => {
    const router = new SlackRouter();
    router.command('/azlinux', async () => undefined);
    router.blockAction('share', async () => undefined);
    router.event('app_mention', async () => undefined);
    expect(() => router.command('/azlinux', async () => undefined)).toThrow(/second listener/);
    expect(() => router.blockAction('share', async () => undefined)).toThrow(/second listener/);
    expect(() => router.event('app_mention', async () => undefined)).toThrow(/second listener/);
  });
});
