// Socket Mode over loopback: apps.connections.open on the fake API hands out a ws:// URL on the same
// fake, which says hello and then pushes envelopes the way Slack does.
import { allText } from '../fakes/slack-blocks.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackSurface, type SlackSurface } from '../../src/adapters/slack/surface.js';
import { askInThread } from '../../src/service/conversation.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { commandPayload, mentionEnvelope } from '../fakes/slack-sign.js';
import { BOT_TOKEN, captureLogger } from './harness.js';
import { InFlight } from '../../src/adapters/common/in-flight.js';
import { ask } from '../../src/core/index.js';

const APP_TOKEN = 'xapp-1-test';

let fake: FakeSlack;
let store: MemoryStore;
let surface: SlackSurface | undefined;
/** the surface's deliveries in flight: none once every envelope taken has had its replies posted */
let inFlight: InFlight;

beforeEach(async () => {
  fake = await startFakeSlack();
  store = new MemoryStore();
});

afterEach(async () => {
  await surface?.stop();
  surface = undefined;
  await fake.close();
  await store.close();
});

async function start(): Promise<SlackSurface> {
  inFlight = new InFlight();
  surface = await createSlackSurface({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    apiUrl: fake.apiUrl,
    handler: (q) => askInThread(ask, store, q.threadKey, q.text),
    store,
    logger: captureLogger(),
    inFlight,
  });
  return surface;
}

describe('Slack surface: Socket Mode', () => {
  it('connects with the app token, is ready after hello, needs no signing secret and no port', async () => {
    const s = await start();
    expect(s.mode).toBe('socket');
    expect(s.isReady()).toBe(true);
    expect(fake.socketCount).toBe(1);
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.auth).toBe(`Bearer ${APP_TOKEN}`);
    await expect(s.listen(0)).rejects.toMatchObject({ code: 'slack_bad_options' });
  });

  it('acks a mention envelope over the socket, answers in the thread once despite a redelivery', async () => {
    await start();
    const payload = mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000900.000100', eventId: 'Ev0SOCK' });
    fake.sendEnvelope({ envelope_id: 'env-1', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    fake.sendEnvelope({ envelope_id: 'env-2', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout' });
    const [post] = await fake.waitFor(() => (fake.callsTo('chat.postMessage').length ? fake.callsTo('chat.postMessage') : undefined));
    expect(post?.body).toMatchObject({ channel: 'C0CHAN', thread_ts: '1700000900.000100' });
    expect(allText(post?.body['blocks']).join('\n')).toContain('Fedora 43');
    await fake.waitFor(() => fake.socketAcks.length >= 2 || undefined);
    expect(fake.socketAcks.map((a) => a['envelope_id']).sort()).toEqual(['env-1', 'env-2']);
    expect(await inFlight.drain(10_000)).toBe(true);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a slash command envelope in its ack payload, nothing on the response_url', async () => {
    await start();
    fake.sendEnvelope({
      envelope_id: 'env-cmd',
      type: 'slash_commands',
      payload: commandPayload('/cpulevel', 'Standard_D4s_v5', fake.responseUrl('sock')),
      accepts_response_payload: true,
    });
    const ack = await fake.waitFor(() => fake.socketAcks.find((a) => a['envelope_id'] === 'env-cmd'));
    const payload = ack['payload'] as Record<string, unknown>;
    expect(payload['response_type']).toBe('ephemeral');
    expect(String(payload['text'])).toContain('x86-64-v4');
    expect(await inFlight.drain(10_000)).toBe(true);
    expect(fake.responses.map((r) => [r.id, r.via, r.problems])).toEqual([['sock', 'ack', []]]);
  });

  it('stop() disconnects at once, still finishes the reply in flight, then resolves', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = false;
    surface = await createSlackSurface({
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      apiUrl: fake.apiUrl,
      handler: async (q) => {
        entered = true;
        await gate;
        return askInThread(ask, store, q.threadKey, q.text);
      },
      store,
      logger: captureLogger(),
    });
    const payload = mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700001000.000100' });
    fake.sendEnvelope({ envelope_id: 'env-slow', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0 });
    while (!entered) await new Promise((r) => setTimeout(r, 10));

    let stopped = false;
    const stopping = surface.stop().then(() => {
      stopped = true;
    });
    await fake.waitFor(() => fake.socketCount === 0 || undefined);
    expect(surface.isReady()).toBe(false);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(allText(fake.callsTo('chat.postMessage')[0]?.body['blocks']).join('\n')).toContain('Fedora 43');
  });

  it('when Slack recycles the socket, not ready from the close until the new socket says hello', async () => {
    const s = await start();
    const readiness: boolean[] = [s.isReady()];
    const probe = setInterval(() => readiness.push(s.isReady()), 20);
    try {
      fake.sendEnvelope({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } });
      await fake.waitFor(() => fake.socketCount === 0 || undefined);
      expect(s.isReady()).toBe(false);
      // polled: readiness changes on the client's side, after the fake's last event
      const until = Date.now() + 15_000;
      while (!(fake.socketCount === 1 && s.isReady()) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(s.isReady()).toBe(true);
    } finally {
      clearInterval(probe);
    }
    readiness.push(s.isReady());
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    // true, then false for the whole gap, then true again: never true while no socket was open
    const flips = readiness.filter((r, i) => i === 0 || r !== readiness[i - 1]);
    expect(flips).toEqual([true, false, true]);
    // and it answers on the new socket
    fake.sendEnvelope({
      envelope_id: 'env-after',
      type: 'slash_commands',
      payload: commandPayload('/cpulevel', 'Standard_D4s_v5', fake.responseUrl('after')),
      accepts_response_payload: true,
    });
    const ack = await fake.waitFor(() => fake.socketAcks.find((a) => a['envelope_id'] === 'env-after'));
    expect(String((ack['payload'] as Record<string, unknown>)['text'])).toContain('x86-64-v4');
  }, 20_000);

  it('stop() disconnects and is no longer ready', async () => {
    const s = await start();
    await s.stop();
    expect(s.isReady()).toBe(false);
    await fake.waitFor(() => fake.socketCount === 0 || undefined);
  });
});
