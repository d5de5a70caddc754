import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createHandler } from '../../src/service/handler.js';
import { stubAnswer, stubAsk } from './support/stub-ask.js';
import { captureLog } from './support/log-capture.js';

const stores: MemoryStore[] = [];
function setup(ask = stubAsk, cooldown = { max: 3, windowSeconds: 60 }) {
  const store = new MemoryStore();
  stores.push(store);
  const log = captureLog('info');
  const handler = createHandler({ ask, store, logger: log.logger, cooldown });
  return { handler, log, store };
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe('createHandler', () => {
  it('answers through the core and logs one line with request id, platform, kind and duration', async () => {
    const { handler, log } = setup();
    const answer = await handler({ platform: 'slack', userId: 'U1', text: '/cpulevel Standard_D4s_v5' });
    expect(answer.text).toBe('size Standard_D4s_v5');
    const [line] = log.lines().filter((l) => l.msg === 'answered');
    expect(line).toMatchObject({ platform: 'slack', kind: 'help', thread: false });
    expect(typeof line!.reqId).toBe('string');
    expect(typeof line!.durationMs).toBe('number');
    expect(JSON.stringify(line)).not.toContain('Standard_D4s_v5'); // the question text stays out of info logs
  });

  it('remembers what a thread established and uses it for the follow-up, but not in another thread', async () => {
    const { handler } = setup(stubAsk, { max: 100, windowSeconds: 60 });
    await handler({ platform: 'slack', userId: 'U1', threadKey: 'slack:C1:1.0', text: 'about Standard_A2_v2' });
    expect((await handler({ platform: 'slack', userId: 'U1', threadKey: 'slack:C1:1.0', text: 'and this one?' })).text).toBe('size Standard_A2_v2');
    expect((await handler({ platform: 'slack', userId: 'U1', threadKey: 'slack:C1:2.0', text: 'and this one?' })).text).toMatch(/^no size/);
    expect((await handler({ platform: 'slack', userId: 'U1', text: 'and this one?' })).text).toMatch(/^no size/);
  });

  it('cools a flooding user down with a private error answer, per platform and user; the console is exempt', async () => {
    const { handler, log } = setup();
    for (let i = 0; i < 3; i++) expect((await handler({ platform: 'discord', userId: 'U1', text: 'x' })).kind).toBe('help');
    const refused = await handler({ platform: 'discord', userId: 'U1', text: 'x' });
    expect(refused).toMatchObject({ kind: 'error', visibility: 'private', code: 'cooldown' });
    expect(refused.text).toMatch(/try again in \d+ s/);
    expect((await handler({ platform: 'discord', userId: 'U2', text: 'x' })).kind).toBe('help');
    expect((await handler({ platform: 'slack', userId: 'U1', text: 'x' })).kind).toBe('help');
    for (let i = 0; i < 10; i++) expect((await handler({ platform: 'console', userId: 'local', text: 'x' })).kind).toBe('help');
    expect(log.lines().filter((l) => l.msg === 'cooldown')).toHaveLength(1);
  });

  it('turns a thrown exception into a short apology whose reference id is logged with the stack', async () => {
    const { handler, log } = setup(() => {
      throw new TypeError('boom in the core');
    });
    const answer = await handler({ platform: 'http', userId: 'ip:1', text: 'anything' });
    expect(answer).toMatchObject({ kind: 'error', visibility: 'private', code: 'internal', query: 'anything' });
    const ref = (answer as Answer & { ref: string }).ref;
    expect(answer.text).toContain(ref);
    expect(answer.text).not.toContain('boom');
    const [line] = log.lines().filter((l) => l.msg === 'question failed');
    expect(line).toMatchObject({ ref, level: 50 });
    expect(String((line!.err as { stack: string }).stack)).toContain('boom in the core');
  });

  // Issue 12 changed this: a thread whose memory cannot be read used to get the apology; it now gets
  // its answer (without the thread's context), since the store is a cache, not a source of answers.
  it('answers when the store fails: the cooldown lets questions through, threads answer without their memory', async () => {
    const { handler, store, log } = setup();
    const down = async (): Promise<never> => {
      throw new Error('store down');
    };
    store.get = down;
    store.set = down;
    store.increment = down;
    expect((await handler({ platform: 'slack', userId: 'U1', text: 'no thread' })).kind).toBe('help');
    expect(log.lines().some((l) => l.msg === 'cooldown check failed; answering anyway')).toBe(true);
    const threaded = await handler({ platform: 'slack', userId: 'U1', threadKey: 't', text: 'in a thread' });
    expect(threaded).toMatchObject({ kind: 'help', query: 'in a thread' });
    expect(log.lines().filter((l) => l.msg === 'question failed')).toEqual([]);
    // one warning for the outage, not one per question
    for (let i = 0; i < 5; i++) await handler({ platform: 'slack', userId: 'U1', threadKey: 't', text: 'again' });
    expect(log.lines().filter((l) => l.msg === 'cooldown check failed; answering anyway')).toHaveLength(1);
    expect(log.lines().filter((l) => String(l.msg).startsWith('thread memory: store read failed'))).toHaveLength(1);
  });

  it('never hands on an empty or oversized text from the core', async () => {
    const empty = setup(() => stubAnswer('q', { text: '' }));
    expect((await empty.handler({ platform: 'console', userId: 'l', text: 'q' })).kind).toBe('error');
    const huge = setup(() => stubAnswer('q', { text: 'x'.repeat(10_000) }));
    const answer = await huge.handler({ platform: 'console', userId: 'l', text: 'q' });
    expect(answer.text.length).toBeLessThanOrEqual(4_000);
    expect(answer.text).toMatch(/truncated\)$/);
  });

  it('drain() waits for questions in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { handler, store } = setup();
    const realIncrement = store.increment.bind(store);
    store.increment = async (key: string, ttl: number) => {
      await gate;
      return realIncrement(key, ttl);
    };
    const answer = handler({ platform: 'slack', userId: 'U1', text: 'slow' });
    expect(handler.inFlight()).toBe(1);
    let drained = false;
    const drain = handler.drain(5_000).then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(drained).toBe(false);
    release();
    await drain;
    expect((await answer).kind).toBe('help');
    expect(handler.inFlight()).toBe(0);
  });
});
