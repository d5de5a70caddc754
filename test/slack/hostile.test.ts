// /slack/events against hostile and broken requests: bodies too large (declared or streamed), forged
// and replayed signatures, timestamps from the future, payloads that are not objects or that nothing
// handles, replayed slash commands and Share clicks. Every refusal is quick, JSON, and logged at most
// once a minute.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import type { KeyValueStore } from '../../src/service/memory-store.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { commandPayload, mentionEnvelope, shareActionPayload, slackSignature } from '../fakes/slack-sign.js';
import type { Json } from '../fakes/slack-api.js';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.js';

const open: Harness[] = [];
async function harness(cooldownMax = 1000): Promise<Harness> {
  const h = await startHarness((store: KeyValueStore) =>
    createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: cooldownMax, windowSeconds: 60 } }),
  );
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const now = () => Math.floor(Date.now() / 1000);
/** the documented limit (docs/production.md): 1 MiB */
const MAX_BODY_BYTES = 1024 * 1024;

interface Raw {
  status: number;
  body: string;
  type: string | undefined;
  ms: number;
}

/** POST with full control of the headers; `body` is written in chunks unless it is a string. */
function post(url: string, headers: Record<string, string>, body: string | { chunks: number; size: number }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, type: res.headers['content-type'], ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', () => undefined); // the server may close while we are still writing: expected
    if (typeof body === 'string') {
      req.end(body);
      return;
    }
    const chunk = Buffer.alloc(body.size, 'a');
    let sent = 0;
    const write = (): void => {
      while (sent < body.chunks) {
        sent += 1;
        if (req.destroyed) return;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

function signedHeaders(body: string, contentType: string, timestamp = now()): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
  };
}

function expectJsonError(res: Raw, status: number): Record<string, unknown> {
  expect(res.status).toBe(status);
  expect(res.type).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(typeof body.error).toBe('string');
  expect(typeof body.hint).toBe('string');
  return body;
}

const warnings = (h: Harness) => h.logger.lines.filter((l) => l.startsWith('warn'));

describe('bodies', () => {
  it('a body declared over the limit is refused at the headers with 413 JSON, unread and unverified', async () => {
    const h = await harness();
    // 200 MB declared, nothing sent: the answer must come from the headers alone
    const res = await post(h.eventsUrl, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) }, { chunks: 0, size: 1 });
    expectJsonError(res, 413);
    expect(res.ms).toBeLessThan(1_000);
    expect(h.questions).toEqual([]);
  });

  it('a chunked body that runs past the limit is cut off there with 413 JSON', async () => {
    const h = await harness();
    const res = await post(h.eventsUrl, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, { chunks: 64, size: 64 * 1024 });
    expectJsonError(res, 413);
  });

  it('a signed body just under the limit is still read and verified', async () => {
    const h = await harness();
    const envelope = mentionEnvelope({ text: `<@UBOT> d4s v5 ${'x'.repeat(MAX_BODY_BYTES - 2_000)}`, ts: '1760000000.000100' });
    const body = JSON.stringify(envelope);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const res = await post(h.eventsUrl, signedHeaders(body, 'application/json'), body);
    expect(res.status).toBe(200);
  });
});

describe('signatures and timestamps', () => {
  it('refuses a timestamp more than 5 minutes in the future even when signed, and accepts skew within it', async () => {
    const h = await harness();
    const later = await h.sender.event(mentionEnvelope({ text: '<@UBOT> d4s v5', ts: '1760000001.000100' }), { timestamp: now() + 365 * 24 * 3600 });
    expect(later.status).toBe(401);
    expect(JSON.parse(later.body)).toMatchObject({ error: 'unverified' });
    const tenMinutes = await h.sender.event(mentionEnvelope({ text: '<@UBOT> d4s v5', ts: '1760000002.000100' }), { timestamp: now() + 600 });
    expect(tenMinutes.status).toBe(401);
    const skewed = await h.sender.event(mentionEnvelope({ text: '<@UBOT> d4s v5', ts: '1760000003.000100' }), { timestamp: now() + 240 });
    expect(skewed.status).toBe(200);
    await h.settled();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.questions).toHaveLength(1);
  });

  it('forged requests get 401 JSON, and a flood of them writes one warning, not one each', async () => {
    const h = await harness();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.sender.event(mentionEnvelope({ text: '<@UBOT> hi', ts: `17600001${String(i).padStart(2, '0')}.000100` }), { signature: `v0=${'0'.repeat(64)}` }),
      ),
    );
    for (const r of results) {
      expect(r.status).toBe(401);
      expect(r.contentType).toMatch(/^application\/json/);
    }
    const stale = await h.sender.event(mentionEnvelope({ text: '<@UBOT> hi', ts: '1760000200.000100' }), { timestamp: now() - 3600 });
    expect(stale.status).toBe(401);
    expect(warnings(h)).toHaveLength(1);
    expect(warnings(h)[0]).toMatch(/unverified/);
    expect(h.questions).toEqual([]);
  });
});

describe('payloads', () => {
  it.each([['null'], ['[]'], ['"text"'], ['42'], ['true']])('a signed JSON %s is a 400 with a JSON body, not a 500', async (json) => {
    const h = await harness();
    const res = await post(h.eventsUrl, signedHeaders(json, 'application/json'), json);
    expectJsonError(res, 400);
  });

  it('a signed payload Bolt would trip over (no user on a click, no event in an envelope) is a 400, not a 500', async () => {
    const h = await harness();
    const click = shareActionPayload('q:/cpulevel Standard_D4s_v5', h.fake.responseUrl('x'));
    delete click['user'];
    const envelope = mentionEnvelope({ text: '<@UBOT> hi', ts: '1760000400.000100' });
    delete envelope['event'];
    for (const payload of [click, envelope]) {
      const body =
        'type' in payload && payload['type'] === 'block_actions'
          ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
          : JSON.stringify(payload);
      const type = payload['type'] === 'block_actions' ? 'application/x-www-form-urlencoded' : 'application/json';
      expectJsonError(await post(h.eventsUrl, signedHeaders(body, type), body), 400);
    }
    expect(h.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it("a payload nothing handles is answered 404 JSON at once, not after Bolt's 3 s", async () => {
    const h = await harness();
    for (const payload of [{ type: 'something_new' }, { type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'not_ours', type: 'button' }] }]) {
      const body = JSON.stringify(payload);
      const res = await post(h.eventsUrl, signedHeaders(body, 'application/json'), body);
      expectJsonError(res, 404);
      expect(res.ms).toBeLessThan(1_500);
    }
    const other = new URLSearchParams({ ...commandPayload('/weather', 'today', h.fake.responseUrl('w')) }).toString();
    const res = await post(h.eventsUrl, signedHeaders(other, 'application/x-www-form-urlencoded'), other);
    expectJsonError(res, 404);
    expect(res.ms).toBeLessThan(1_500);
  });

  it('answers its own errors as JSON: wrong method, wrong path', async () => {
    const h = await harness();
    const get = await fetch(h.eventsUrl);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: 'method not allowed' });
    const elsewhere = await fetch(h.eventsUrl.replace('/slack/events', '/nope'), { method: 'POST', body: '' });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: 'not found' });
  });
});

describe('replays', () => {
  it('a replayed slash command (same trigger_id) gets no second answer and spends no cooldown', async () => {
    const h = await harness(2);
    const fields = commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('orig'), 'UVICTIM');
    const body = new URLSearchParams(fields).toString();
    const headers = signedHeaders(body, 'application/x-www-form-urlencoded');
    const first = await post(h.eventsUrl, headers, body);
    expect(first.status).toBe(200);
    expect(first.body).toContain('x86-64-v4');
    for (let i = 0; i < 3; i++) {
      const again = await post(h.eventsUrl, headers, body); // byte for byte, signature still fresh
      expect(again.status).toBe(200);
      expect(again.body).toBe('');
    }
    expect(h.questions).toHaveLength(1);
    // the victim still has their second question of the window
    const next = await h.sender.command(commandPayload('/cpulevel', 'Standard_D2s_v3', h.fake.responseUrl('next'), 'UVICTIM'));
    expect(JSON.stringify(next.ackMessage)).toContain('Standard_D2s_v3');
    expect(JSON.stringify(next.ackMessage)).not.toMatch(/too many|slow down|cooldown/i);
    await h.settled();
    expect(h.fake.responses.filter((r) => r.id === 'orig')).toHaveLength(0); // nothing posted on the response_url either
  });

  it('a Share is posted once however often its click is replayed or repeated', async () => {
    const h = await harness();
    const ack = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('ask')));
    const blocks = (ack.ackMessage?.['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ value?: string }> }>;
    const value = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
    const click = shareActionPayload(value, h.fake.responseUrl('share'), 'U0ASKER', '1760000300.000100');
    // the same request replayed, concurrently and after
    await Promise.all([h.sender.action(click), h.sender.action(click)]);
    await h.sender.action(click);
    // a second click on the same message: new trigger_id and action_ts, same message and user
    const second = shareActionPayload(value, h.fake.responseUrl('share'), 'U0ASKER', '1760000300.000100');
    expect((second['trigger_id'] as string) !== (click['trigger_id'] as string)).toBe(true);
    await h.sender.action(second);
    await h.settled();
    const inChannel = h.fake.responses.filter((r) => r.id === 'share' && (r.body as Json)['response_type'] === 'in_channel');
    expect(inChannel).toHaveLength(1);
    // another private answer (another message) can still be shared
    const other = shareActionPayload(value, h.fake.responseUrl('share2'), 'U0ASKER', '1760000301.000100');
    await h.sender.action(other);
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === 'share2' && (r.body as Json)['response_type'] === 'in_channel'));
  });
});
