// The redaction fence: the fast `*.secret` pass in createLogger blanks everything pino's own wildcard
// redaction blanked (pino with the full REDACT_PATHS list is the oracle), never mutates what it is given.
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CENSOR, createLogger, REDACT_PATHS } from '../../src/service/logger.js';

function sink(): { lines: string[]; stream: { write(s: string): void } } {
  const lines: string[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(s) } };
}
const parse = (line: string): Record<string, unknown> => {
  const o = JSON.parse(line) as Record<string, unknown>;
  delete o['time'];
  return o;
};

/** new equals the oracle, except where the oracle shows the censor for a field new leaves out. */
function expectSame(oracle: unknown, fast: unknown, path = ''): void {
  if (oracle === CENSOR && fast === undefined) return;
  if (typeof oracle !== 'object' || oracle === null || typeof fast !== 'object' || fast === null) {
    expect(fast, path).toEqual(oracle);
    return;
  }
  expect(Array.isArray(fast), path).toBe(Array.isArray(oracle));
  const o = oracle as Record<string, unknown>;
  const f = fast as Record<string, unknown>;
  for (const k of new Set([...Object.keys(o), ...Object.keys(f)])) expectSame(o[k], f[k], `${path}.${k}`);
}

describe('createLogger redaction', () => {
  it('blanks secrets at the top, one level down, in headers and in child bindings', () => {
    const out = sink();
    const log = createLogger('info', out.stream);
    log.child({ surface: 'slack', auth: { token: 'xoxb-child' } }).info(
      {
        token: 'xoxb-1',
        client: { botToken: 'xoxb-2', name: 'ok' },
        req: { headers: { cookie: 'c', 'x-slack-signature': 'v0=s' } },
        err: Object.assign(new Error('boom'), { authorization: 'Bearer x' }),
      },
      'm',
    );
    const line = out.lines.join('');
    for (const secret of ['xoxb-child', 'xoxb-1', 'xoxb-2', 'v0=s', 'Bearer x', '"c"']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ client: { name: 'ok', botToken: CENSOR }, err: { message: 'boom', authorization: CENSOR } });
  });

  it('an error whose secret field is censored keeps its stack (Node 22+: stack is an accessor on the error)', () => {
    const out = sink();
    const err = Object.assign(new Error('boom'), { token: 'xoxb-err' });
    createLogger('info', out.stream).error({ err }, 'failed');
    const logged = JSON.parse(out.lines.join('')) as { err: { stack: string; token: string; message: string } };
    expect(logged.err.token).toBe(CENSOR);
    expect(logged.err.message).toBe('boom');
    expect(logged.err.stack).toBe(err.stack);
    expect(logged.err.stack).toMatch(/^Error: boom\n\s+at /);
  });

  it("hides whatever pino's own redaction of REDACT_PATHS hid, and leaves the rest as it was", () => {
    const keys = fc.constantFrom(
      'token',
      'botToken',
      'appToken',
      'signingSecret',
      'password',
      'authorization',
      'Authorization',
      'redisUrl',
      'config',
      'env',
      'headers',
      'req',
      'err',
      'cookie',
      'x-slack-signature',
      'name',
      'a',
    );
    const leaf = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { obj } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('obj'), tie('arr'), tie('err')),
      obj: fc.dictionary(keys, tie('node'), { maxKeys: 5, noNullPrototype: true }),
      arr: fc.array(tie('node'), { maxLength: 3 }),
      err: fc
        .tuple(fc.string({ maxLength: 5 }), fc.dictionary(keys, tie('node'), { maxKeys: 3, noNullPrototype: true }))
        .map(([m, extra]) => Object.assign(new Error(m), extra)),
    }));
    fc.assert(
      fc.property(obj, obj, (fields, bindings) => {
        const a = sink();
        const b = sink();
        const oracle = pino({ level: 'info', base: { service: 'azlinux-bot' }, redact: { paths: REDACT_PATHS, censor: CENSOR } }, a.stream);
        const fast = createLogger('info', b.stream);
        const before = JSON.stringify(fields);
        oracle.child(bindings).info(fields, 'm');
        fast.child(bindings).info(fields, 'm');
        expect(JSON.stringify(fields)).toBe(before);
        expectSame(parse(a.lines[0]!), parse(b.lines[0]!));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createLogger errors', () => {
  it("logs an error's own message once and its cause as a nested object, not appended to the message", () => {
    const out = sink();
    const cause = new Error('fetch failed');
    const err = new Error(`Slack could not start: ${cause.message}`, { cause });
    createLogger('info', out.stream).error({ err }, 'start-up failed');
    const logged = parse(out.lines[0]!)['err'] as { message: string; cause: { message: string } };
    expect(logged.message).toBe('Slack could not start: fetch failed');
    expect(logged.cause.message).toBe('fetch failed');
  });
});
