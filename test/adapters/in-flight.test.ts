// The one count of work in progress (src/adapters/common/in-flight.ts): a request run by its surface
// and again by the handler is counted once; separate requests are counted apart; drain() waits for them.
import { expect, test } from 'vitest';
import { InFlight, joined } from '../../src/adapters/common/in-flight.js';
import { apologising } from '../../src/adapters/common/apologising.js';
import { createHandler } from '../../src/service/handler.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { ask } from '../../src/core/index.js';
import { isServiceAnswer } from '../../src/ports/index.js';
import { captureLog } from '../service/support/log-capture.js';
import { startHarness } from '../slack/harness.js';
import { commandPayload } from '../fakes/slack-sign.js';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

test('a run inside a run of the same tracker is the same request, counted once', async () => {
  const tracker = new InFlight();
  const inner = gate();
  const seen: number[] = [];
  const outer = tracker.run(async () => {
    seen.push(tracker.size);
    await tracker.run(async () => {
      seen.push(tracker.size);
      await inner.opened;
    });
    seen.push(tracker.size);
  });
  expect(tracker.size).toBe(1);
  inner.open();
  await outer;
  expect(seen).toEqual([1, 1, 1]);
  expect(tracker.size).toBe(0);
});

test('separate requests are counted apart, and drain() waits for the last', async () => {
  const tracker = new InFlight();
  const a = gate();
  const b = gate();
  const first = tracker.run(() => a.opened);
  const second = tracker.run(() => b.opened);
  expect(tracker.size).toBe(2);
  let drained: boolean | undefined;
  const drain = tracker.drain(5_000).then((ok) => (drained = ok));
  a.open();
  await first;
  expect(tracker.size).toBe(1);
  expect(drained).toBeUndefined();
  b.open();
  await second;
  await drain;
  expect(drained).toBe(true);
  expect(await tracker.drain(10)).toBe(true);
});

test('drain() gives up after its timeout and says so', async () => {
  const tracker = new InFlight();
  const never = gate();
  void tracker.run(() => never.opened);
  expect(await tracker.drain(20)).toBe(false);
  never.open();
});

test("a surface's delivery and the service's handler share one tracker: the question is counted once", async () => {
  const tracker = new InFlight();
  const store = new MemoryStore();
  const log = captureLog();
  const slow = gate();
  // the cooldown's count waits for the gate: the question stays in flight until it opens
  const increment = store.increment.bind(store);
  store.increment = async (key: string, ttl: number) => {
    await slow.opened;
    return increment(key, ttl);
  };
  const handler = createHandler({ ask, store, logger: log.logger, cooldown: { max: 10, windowSeconds: 60 }, inFlight: tracker });
  // what a surface does: the delivery runs in the tracker, the handler's own run joins it
  const delivery = tracker.run(() => handler({ platform: 'slack', userId: 'U1', text: '/azlinux help' }));
  await new Promise((r) => setTimeout(r, 10));
  expect(tracker.size).toBe(1);
  expect(handler.inFlight()).toBe(1);
  // a question asked directly (the HTTP API, the console) is its own request
  const direct = handler({ platform: 'http', userId: 'ip:1', text: '/azlinux help' });
  expect(handler.inFlight()).toBe(2);
  slow.open();
  expect((await delivery).kind).toBe('help');
  expect((await direct).kind).toBe('help');
  expect(tracker.size).toBe(0);
  await store.close();
});

/** A store whose cooldown count waits for the gate: a question stays in flight until it opens. */
function gatedStore() {
  const store = new MemoryStore();
  const slow = gate();
  let reached = false;
  const increment = store.increment.bind(store);
  store.increment = async (key: string, ttl: number) => {
    reached = true;
    await slow.opened;
    return increment(key, ttl);
  };
  return { store, open: slow.open, reached: () => reached };
}

test('a question a surface asks through joined(), after awaiting, joins the delivery it counts', async () => {
  const tracker = new InFlight();
  const { store, open, reached } = gatedStore();
  const handler = createHandler({ ask, store, logger: captureLog().logger, cooldown: { max: 10, windowSeconds: 60 }, inFlight: tracker });
  const delivery = tracker.run(async () => {
    await new Promise((r) => setTimeout(r, 5)); // the surface's own awaits (verification, Bolt) come first
    return joined(tracker, handler)({ platform: 'slack', userId: 'U1', text: '/azlinux help' });
  });
  while (!reached()) await new Promise((r) => setTimeout(r, 2));
  expect(tracker.size).toBe(1);
  expect(handler.inFlight()).toBe(1);
  // the join lasts only while the question is being started: the next one is its own request
  const direct = handler({ platform: 'http', userId: 'ip:1', text: '/azlinux help' });
  expect(tracker.size).toBe(2);
  open();
  expect((await delivery).kind).toBe('help');
  expect((await direct).kind).toBe('help');
  expect(tracker.size).toBe(0);
  await store.close();
});

test('a Slack slash command is counted once, from its delivery until its reply, the question included (real Bolt)', async () => {
  const tracker = new InFlight();
  const { store, open, reached } = gatedStore();
  const handler = createHandler({ ask, store, logger: captureLog().logger, cooldown: { max: 10, windowSeconds: 60 }, inFlight: tracker });
  const h = await startHarness(() => handler, { store, inFlight: tracker });
  try {
    const sent = h.sender.command(commandPayload('/azlinux', 'help', h.fake.responseUrl('r1')));
    while (!reached()) await new Promise((r) => setTimeout(r, 2));
    expect(tracker.size).toBe(1);
    expect(handler.inFlight()).toBe(1);
    open();
    const res = await sent;
    expect(res.status).toBe(200);
    expect(res.ackMessage).toBeDefined();
    expect(tracker.size).toBe(0);
  } finally {
    await h.close();
  }
});

test('a handler that throws is answered with the one apology, its reference logged with the error', async () => {
  const errors: Array<{ fields: unknown; message: string }> = [];
  const logger = { error: (fields: object | string, message?: string) => void errors.push({ fields, message: message ?? String(fields) }) };
  const answering = apologising(
    async () => {
      throw new Error('boom');
    },
    logger,
    'test',
  );
  const answer = await answering({ platform: 'slack', userId: 'U1', text: 'anything' });
  expect(answer).toMatchObject({ kind: 'error', visibility: 'private', code: 'internal', query: 'anything' });
  const ref = isServiceAnswer(answer) ? answer.ref : undefined;
  expect(ref).toMatch(/^[0-9a-f]{8}$/);
  expect(answer.text).toContain(`quote reference ${ref}`);
  expect(answer.text).not.toContain('boom');
  expect(errors).toHaveLength(1);
  expect(errors[0]!.message).toContain('boom');
  expect(errors[0]!.fields).toMatchObject({ ref });
});
