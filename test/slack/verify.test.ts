// The receiver's own signature check (src/adapters/slack/verify.ts) against Bolt's: every combination of
// body, timestamp and signature below gets the same outcome from both (the same error message, or the
// same parsed body), Bolt's parseAndVerifyHTTPRequest + parseHTTPRequestBody being the reference. Then the
// running surface: valid, forged, stale, future-dated, altered and unsigned requests over real HTTP.
import type { IncomingHttpHeaders } from 'node:http';
import { HTTPModuleFunctions } from '@slack/bolt';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { ask } from '../../src/core/index.js';
import { parseVerifiedBody, SlackVerifier } from '../../src/adapters/slack/verify.js';
import { MAX_CLOCK_SKEW_SECONDS } from '../../src/adapters/slack/receiver.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import type { KeyValueStore } from '../../src/service/memory-store.js';
import { commandPayload, mentionEnvelope, shareActionPayload, slackSignature } from '../fakes/slack-sign.js';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.js';

const NOW_MS = 1_760_000_000_123;
const NOW = Math.floor(NOW_MS / 1000);
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

const command = new URLSearchParams(commandPayload('/cpulevel', 'Standard_D4s_v5', 'http://127.0.0.1:1/respond')).toString();
const bodies: [string, string, Buffer][] = [
  ['a slash command (form)', FORM, Buffer.from(command)],
  ['an event (JSON)', JSON_TYPE, Buffer.from(JSON.stringify(mentionEnvelope({ text: '<@UBOT> d4s v5 — “ünïcode” 非法指令', ts: '1.2' })))],
  ['a click (form with a JSON payload)', FORM, Buffer.from(new URLSearchParams({ payload: JSON.stringify(shareActionPayload('v', 'http://x')) }).toString())],
  ['an SSL check', FORM, Buffer.from('ssl_check=1&token=x')],
  ['an SSL check smuggling a payload', FORM, Buffer.from(`ssl_check=1&payload=${encodeURIComponent('{"type":"block_actions"}')}`)],
  ['ssl_check=1 as JSON', JSON_TYPE, Buffer.from('{"ssl_check":"1"}')],
  ['ssl_check twice', FORM, Buffer.from('ssl_check=1&ssl_check=1')],
  ['a form with a charset', `${FORM}; charset=utf-8`, Buffer.from('{"type":"x"}')],
  ['bytes that are not UTF-8', JSON_TYPE, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ['an empty body', JSON_TYPE, Buffer.alloc(0)],
];

type Stamp = string | undefined;
const stamps: [string, Stamp][] = [
  ['now', String(NOW)],
  ['299 s old', String(NOW - 299)],
  ['300 s old', String(NOW - 300)],
  ['301 s old', String(NOW - 301)],
  ['an hour old', String(NOW - 3600)],
  ['an hour ahead', String(NOW + 3600)],
  ['padded', ` ${NOW} `],
  ['hexadecimal', `0x${NOW.toString(16)}`],
  ['fractional', `${NOW}.5`],
  ['not a number', 'yesterday'],
  ['empty', ''],
  ['missing', undefined],
];

/** Each signature as a function of the correct one (`v0=<hex>` for the body and stamp). */
const signatures: [string, (right: string) => string | string[] | undefined][] = [
  ['correct', (s) => s],
  ['one digit changed', (s) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0')],
  ['upper-case hex', (s) => s.toUpperCase().replace('V0', 'v0')],
  ['one digit short', (s) => s.slice(0, -1)],
  ['one digit long', (s) => `${s}0`],
  ['with =junk after it', (s) => `${s}=junk`],
  ['v1', (s) => s.replace('v0', 'v1')],
  ['no version', (s) => s.slice(3)],
  ['v0 alone', () => 'v0'],
  ['v0= and nothing', () => 'v0='],
  ['empty', () => ''],
  ['missing', () => undefined],
  ['non-ASCII of the right length', (s) => `v0=${'é'.repeat(32)}${s.slice(35)}`],
  ['a non-ASCII character in place of a digit', (s) => `v0=ä${s.slice(4)}`],
  ['repeated (an array)', (s) => [s, s]],
];

type Outcome = { ok: true; body: unknown } | { ok: false; message: string };

function headersFor(type: string, stamp: Stamp, signature: string | string[] | undefined): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { 'content-type': type };
  if (stamp !== undefined) headers['x-slack-request-timestamp'] = stamp;
  if (signature !== undefined) (headers as Record<string, string | string[]>)['x-slack-signature'] = signature;
  return headers;
}

async function bolt(headers: IncomingHttpHeaders, raw: Buffer): Promise<Outcome> {
  // Bolt takes an already buffered request as it is (its rawBody); Date.now() is faked to NOW_MS.
  const req = { headers, rawBody: raw } as unknown as Parameters<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>[1];
  try {
    const buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: SIGNING_SECRET }, req);
    try {
      return { ok: true, body: HTTPModuleFunctions.parseHTTPRequestBody(buffered) };
    } catch (error) {
      return { ok: false, message: `parse: ${(error as Error).message}` };
    }
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function ours(headers: IncomingHttpHeaders, raw: Buffer): Outcome {
  try {
    const verified = new SlackVerifier(SIGNING_SECRET).verify(headers, raw, NOW_MS);
    if (verified.kind === 'ssl_check') return { ok: true, body: { ssl_check: '1' } };
    try {
      return { ok: true, body: parseVerifiedBody(verified) };
    } catch (error) {
      return { ok: false, message: `parse: ${(error as Error).message}` };
    }
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

describe("the signature check is Bolt's", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW_MS);
  });
  afterAll(() => vi.useRealTimers());

  it(`agrees with Bolt on all ${bodies.length * stamps.length * signatures.length} combinations of body, timestamp and signature`, async () => {
    let accepted = 0;
    let refused = 0;
    for (const [bodyName, type, raw] of bodies) {
      for (const [stampName, stamp] of stamps) {
        const right = slackSignature(SIGNING_SECRET, Number(stamp), raw.toString());
        for (const [signatureName, signature] of signatures) {
          const headers = headersFor(type, stamp, signature(right));
          const expected = await bolt(headers, raw);
          const actual = ours(headers, raw);
          // a parsed form is an object without a prototype in both; compare what JSON sees, and the kind
          expect({ case: `${bodyName}, ${stampName}, ${signatureName}`, ...JSON.parse(JSON.stringify(actual)) }).toEqual({
            case: `${bodyName}, ${stampName}, ${signatureName}`,
            ...JSON.parse(JSON.stringify(expected)),
          });
          if (expected.ok) accepted++;
          else refused++;
        }
      }
    }
    // both sides are exercised: some requests pass, more are refused, for each of Bolt's reasons
    expect(accepted).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(accepted);
  });

  it("refuses with each of Bolt's messages", () => {
    const raw = Buffer.from(command);
    const right = slackSignature(SIGNING_SECRET, NOW, command);
    const message = (headers: IncomingHttpHeaders): string => {
      const outcome = ours(headers, raw);
      return outcome.ok ? 'accepted' : outcome.message;
    };
    expect(message(headersFor(FORM, String(NOW), right))).toBe('accepted');
    expect(message(headersFor(FORM, String(NOW), undefined))).toBe(
      'Failed to verify authenticity: header x-slack-signature did not have the expected type (received undefined, expected string)',
    );
    expect(message(headersFor(FORM, undefined, right))).toBe(
      'Failed to verify authenticity: header x-slack-request-timestamp did not have the expected type (received undefined, expected string)',
    );
    expect(message(headersFor(FORM, 'soon', right))).toBe(
      'Failed to verify authenticity: header x-slack-request-timestamp did not have the expected type (NaN)',
    );
    expect(message(headersFor(FORM, String(NOW - 301), slackSignature(SIGNING_SECRET, NOW - 301, command)))).toBe(
      'Failed to verify authenticity: x-slack-request-timestamp must differ from system time by no more than 5 minutes or request is stale',
    );
    expect(message(headersFor(FORM, String(NOW), right.replace('v0', 'v1')))).toBe('Failed to verify authenticity: unknown signature version');
    expect(message(headersFor(FORM, String(NOW), `v0=${'0'.repeat(64)}`))).toBe('Failed to verify authenticity: signature mismatch');
    expect(() => new SlackVerifier('')).toThrow('signingSecret is empty');
  });

  it('a body changed after signing is refused, whatever the change', () => {
    const signature = slackSignature(SIGNING_SECRET, NOW, command);
    const altered = [command.replace('D4s', 'D8s'), `${command}&x=1`, command.slice(0, -1), ` ${command}`, command.replace('%2F', '/')];
    for (const body of altered) {
      expect(ours(headersFor(FORM, String(NOW), signature), Buffer.from(body))).toEqual({
        ok: false,
        message: 'Failed to verify authenticity: signature mismatch',
      });
    }
  });
});

describe('the running surface', () => {
  const open: Harness[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((h) => h.close()));
  });
  async function harness(): Promise<Harness> {
    const h = await startHarness((store: KeyValueStore) =>
      createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: 1000, windowSeconds: 60 } }),
    );
    open.push(h);
    return h;
  }
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  async function post(h: Harness, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    const res = await fetch(h.eventsUrl, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  }

  it('answers signed commands and events; refuses forged, stale, future-dated, altered and unsigned ones with 401 JSON', async () => {
    const h = await harness();
    const ok = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', 'http://127.0.0.1:1/r'));
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('D4s');
    const event = await h.sender.event(mentionEnvelope({ text: '<@UBOT> d4s v5', ts: '1760000010.000100' }));
    expect(event.status).toBe(200);

    const body = new URLSearchParams(commandPayload('/cpulevel', 'Standard_D2s_v3', 'http://127.0.0.1:1/r')).toString();
    const ts = nowSeconds();
    const signature = slackSignature(SIGNING_SECRET, ts, body);
    const refused = [
      post(h, body, { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${'f'.repeat(64)}` }),
      post(h, body, { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature.slice(0, -2) }),
      post(h, body.replace('D2s', 'D8s'), { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }),
      post(h, body, { 'content-type': FORM, 'x-slack-request-timestamp': String(ts) }),
      post(h, body, { 'content-type': FORM, 'x-slack-signature': signature }),
      post(h, body, {
        'content-type': FORM,
        'x-slack-request-timestamp': String(ts - 301),
        'x-slack-signature': slackSignature(SIGNING_SECRET, ts - 301, body),
      }),
      // a minute past the allowed skew: the server's clock may have moved on a second since ts
      post(h, body, {
        'content-type': FORM,
        'x-slack-request-timestamp': String(ts + MAX_CLOCK_SKEW_SECONDS + 60),
        'x-slack-signature': slackSignature(SIGNING_SECRET, ts + MAX_CLOCK_SKEW_SECONDS + 60, body),
      }),
      post(h, body, { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature('another-secret', ts, body) }),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'unverified' });
    }
    // only the two signed requests reached the handler
    expect(h.questions.map((q) => q.text)).toEqual(['/cpulevel Standard_D4s_v5', 'd4s v5']);
  });

  it("answers Slack's SSL check without a signature, and runs nothing smuggled in it", async () => {
    const h = await harness();
    const payload = encodeURIComponent(JSON.stringify(shareActionPayload('cpulevel|Standard_D4s_v5', 'http://127.0.0.1:1/r')));
    const res = await post(h, `ssl_check=1&token=x&payload=${payload}`, { 'content-type': FORM });
    expect(res).toEqual({ status: 200, body: '' });
    expect(h.questions).toEqual([]);
  });
});
