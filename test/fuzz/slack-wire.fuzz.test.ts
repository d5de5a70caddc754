// /slack/events on the wire, fuzzed: arbitrary bodies and content types, mutated signatures, timestamps
// anywhere in a year either side, arbitrary Share payloads, and mixed batches sent concurrently. Every
// response is quick and never a 500; every refusal is JSON; nothing unverified reaches the handler; a
// timestamp is accepted exactly within Slack's five minutes; replays are answered once.
// The seed is fixed and printed; FUZZ_SEED=<n> replays another.
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/ports/index.js';
import { InFlight } from '../../src/adapters/common/in-flight.js';
import { createSlackSurface, type SlackSurface } from '../../src/adapters/slack/surface.js';
import { ask } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { commandPayload, mentionEnvelope, shareActionPayload, slackSignature } from '../fakes/slack-sign.js';
import { wellFormed } from './arbitraries.js';
import { BROADCAST, within } from './checks.js';

const SEED = Number(process.env.FUZZ_SEED ?? 1206);
console.info(`slack wire fuzz: seed ${SEED} (set FUZZ_SEED to replay another)`);
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

const SECRET = 'wire-fuzz-signing-secret-42';
let fake: FakeSlack;
let surface: SlackSurface;
let store: MemoryStore;
/** the surface's deliveries in flight: none once every reply to what it took has been posted */
let inFlight: InFlight;
let url: string;
const questions: Question[] = [];
const logged: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  store = new MemoryStore();
  const inner = createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: 100_000, windowSeconds: 60 } });
  const log = (m: object | string, message?: string) => void logged.push(typeof m === 'string' ? m : (message ?? ''));
  inFlight = new InFlight();
  surface = await createSlackSurface({
    inFlight,
    botToken: 'xoxb-wire',
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    store,
    drainTimeoutMs: 5_000,
    logger: { info: log, warn: log, error: log },
    handler: (q) => {
      questions.push(q);
      return inner(q);
    },
  });
  const { port } = await surface.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/slack/events`;
});
afterAll(async () => {
  await surface?.stop();
  await fake?.close();
  await store?.close();
});

const now = () => Math.floor(Date.now() / 1000);

interface Sent {
  status: number;
  body: string;
  type: string;
}

async function send(body: string, headers: Record<string, string>): Promise<Sent> {
  return within(4_000, 'a request to /slack/events', async () => {
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
  });
}

/** Declares a body of `declared` bytes, sends a little of it, and reads the answer. */
function sendDeclared(headers: Record<string, string>, declared: number): Promise<Sent> {
  return within(
    4_000,
    'a request declaring a large body',
    () =>
      new Promise<Sent>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(declared) }, agent: false }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: text, type: res.headers['content-type'] ?? '' });
            req.destroy();
          });
        });
        req.on('error', reject);
        req.write(Buffer.alloc(64 * 1024, 'a'));
      }),
  );
}

function signed(body: string, contentType: string, timestamp = now()): Record<string, string> {
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SECRET, timestamp, body) };
}

function expectJsonRefusal(res: Sent): void {
  expect(res.type).toMatch(/^application\/json/);
  const json = JSON.parse(res.body) as Record<string, unknown>;
  expect(typeof json.error).toBe('string');
  expect(typeof json.hint).toBe('string');
}

const contentTypes = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-8', '');
const bodies = fc.oneof(
  fc.uint8Array({ maxLength: 4_096 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.json({ maxDepth: 4 }),
  wellFormed,
  fc.constantFrom(
    'null',
    '[]',
    '{}',
    '"x"',
    '0',
    'payload=null',
    'payload=%7B%7D',
    'payload=[]',
    'command=/azlinux',
    '{"type":"event_callback"}',
    '{"type":"block_actions"}',
  ),
);

describe('Slack wire fuzz', () => {
  it('bodies: unsigned are 401, signed are handled or refused as JSON, never 500, always quick', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, contentTypes, fc.boolean(), async (body, contentType, sign) => {
        const before = questions.length;
        const headers = sign
          ? signed(body, contentType)
          : { 'content-type': contentType, 'x-slack-request-timestamp': String(now()), 'x-slack-signature': 'v0=beef' };
        const res = await send(body, headers);
        expect(res.status).not.toBe(500);
        if (!sign) {
          if (body !== 'ssl_check=1') expect(res.status).toBe(401); // ssl_check is Slack's unsigned probe
          expect(questions.length).toBe(before);
        } else {
          expect([200, 400, 404]).toContain(res.status);
        }
        if (res.status >= 400) expectJsonRefusal(res);
      }),
      runs(150),
    );
  });

  it('signatures: any change to a valid one is refused and reaches no handler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 63 }), fc.constantFrom('flip', 'version', 'truncate', 'empty', 'upper', 'other-secret'), async (at, how) => {
        const before = questions.length;
        const body = JSON.stringify(mentionEnvelope({ text: '<@UBOT> d4s v5', ts: `1780000000.${String(at).padStart(6, '0')}` }));
        const ts = now();
        const good = slackSignature(SECRET, ts, body);
        const hex = good.slice(3);
        const flipped = hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
        const signature = {
          flip: `v0=${flipped}`,
          version: `v1=${hex}`,
          truncate: good.slice(0, 3 + at),
          empty: '',
          upper: `v0=${hex.toUpperCase()}`,
          'other-secret': slackSignature(`${SECRET}x`, ts, body),
        }[how];
        if (signature === good) return; // upper-casing digits only
        const res = await send(body, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature });
        expect(res.status).toBe(401);
        expectJsonRefusal(res);
        expect(questions.length).toBe(before);
      }),
      runs(80),
    );
    expect(logged.filter((l) => l.includes('unverified')).length).toBeLessThanOrEqual(1); // rate limited
  });

  it('timestamps: accepted exactly within five minutes either side', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: -400 * 86_400, max: 400 * 86_400 }), fc.integer({ min: -900, max: 900 })).filter((o) => Math.abs(Math.abs(o) - 300) > 5),
        async (offset) => {
          const fields = commandPayload('/cpulevel', 'Standard_D4s_v5', fake.responseUrl('ts'), `UTS${offset}`);
          const body = new URLSearchParams(fields).toString();
          const res = await send(body, signed(body, 'application/x-www-form-urlencoded', now() + offset));
          if (Math.abs(offset) < 300) {
            expect(res.status).toBe(200);
            expect(res.body).toContain('x86-64-v4');
          } else {
            expect(res.status).toBe(401);
            expectJsonRefusal(res);
          }
        },
      ),
      runs(120),
    );
  });

  it('Share payloads: any shape is acked or refused as JSON, never 500, never a ping in the channel, at most one post per message', async () => {
    const shareValue = fc.oneof(
      wellFormed.map((q) => `q:${q}`),
      fc.constantFrom('k:00000000-0000-0000-0000-000000000000', 'q:/cpulevel Standard_D4s_v5', 'q:@channel hi', 'q:<!here>', ''),
      fc.string({ maxLength: 40 }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(shareValue, fc.boolean(), fc.boolean(), fc.boolean(), async (value, dropUser, dropContainer, replay) => {
        n += 1;
        const id = `fzshare${n}`;
        const payload = shareActionPayload(value, fake.responseUrl(id), `UFS${n}`, `1780001000.${String(n).padStart(6, '0')}`);
        if (dropUser) delete payload['user'];
        if (dropContainer) delete payload['container'];
        const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
        const headers = signed(body, 'application/x-www-form-urlencoded');
        const results = await Promise.all(replay ? [send(body, headers), send(body, headers)] : [send(body, headers)]);
        for (const res of results) {
          expect(dropUser ? [400] : [200]).toContain(res.status); // Slack always says who clicked
          if (res.status !== 200) expectJsonRefusal(res);
        }
        expect(await inFlight.drain(10_000)).toBe(true); // every post for these clicks made: none can follow
        const posts = fake.responses.filter((r) => r.id === id);
        const inChannel = posts.filter((p) => p.body['response_type'] === 'in_channel');
        expect(inChannel.length).toBeLessThanOrEqual(1);
        for (const p of inChannel) {
          const shown = JSON.stringify(p.body, (k, v: unknown) => (k === 'value' ? undefined : v)).replaceAll(`<@UFS${n}>`, '');
          expect(shown).not.toMatch(BROADCAST);
        }
      }),
      runs(80),
    );
  });

  it('concurrency: a mixed batch at once, each fresh command answered once, replays and forgeries not at all', async () => {
    let batch = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('fresh', 'replay', 'forged', 'future', 'huge'), { minLength: 5, maxLength: 30 }), async (kinds) => {
        batch += 1;
        const before = questions.length;
        const replayed = commandPayload('/azlinux', 'upstream', fake.responseUrl(`cb${batch}`), `UCR${batch}`);
        const replayBody = new URLSearchParams(replayed).toString();
        const replayHeaders = signed(replayBody, 'application/x-www-form-urlencoded');
        const requests = kinds.map((kind, i) => {
          if (kind === 'replay') return send(replayBody, replayHeaders).then((r) => ({ kind, r }));
          const fields = commandPayload('/cpulevel', i % 2 ? 'Standard_D2s_v3' : 'x86-64-v3', fake.responseUrl(`cb${batch}-${i}`), `UC${batch}x${i}`);
          const body = new URLSearchParams(fields).toString();
          const headers =
            kind === 'forged'
              ? { ...signed(body, 'application/x-www-form-urlencoded'), 'x-slack-signature': `v0=${'f'.repeat(64)}` }
              : kind === 'future'
                ? signed(body, 'application/x-www-form-urlencoded', now() + 3_600)
                : signed(body, 'application/x-www-form-urlencoded');
          if (kind === 'huge') return sendDeclared(headers, 50 * 1024 * 1024).then((r) => ({ kind, r }));
          return send(body, headers).then((r) => ({ kind, r }));
        });
        const results = await Promise.all(requests);
        const replays = results.filter((x) => x.kind === 'replay');
        for (const { kind, r } of results) {
          expect(r.status).not.toBe(500);
          if (kind === 'fresh') expect(r.status).toBe(200);
          if (kind === 'forged' || kind === 'future') expect(r.status).toBe(401);
          if (kind === 'huge') expect(r.status).toBe(413);
        }
        // of the copies of one request sent together, exactly one is answered
        if (replays.length > 0) expect(replays.filter(({ r }) => r.body.includes('Fedora')).length).toBe(1);
        const fresh = kinds.filter((k) => k === 'fresh').length;
        expect(questions.length - before).toBe(fresh + (replays.length > 0 ? 1 : 0));
      }),
      runs(40),
    );
    // and the server still serves
    const body = new URLSearchParams(commandPayload('/cpulevel', 'Standard_D4s_v5', fake.responseUrl('after'), 'UAFTER')).toString();
    expect((await send(body, signed(body, 'application/x-www-form-urlencoded'))).status).toBe(200);
  });
});
