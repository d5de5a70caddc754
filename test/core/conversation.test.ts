// Threads: a follow-up inherits the distro or size the thread already established, through the
// store interface (node-cache in process), and forgets it when the entry expires.
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { askInThread } from '../../src/service/conversation.js';
import { MemoryStore } from '../../src/service/memory-store.js';

describe('a conversation in one thread', () => {
  test('distro, then a size, then another size, then a distro fact', async () => {
    const store = new MemoryStore();
    const say = (text: string) => askInThread(ask, store, 'test:thread-1', text);

    const first = await say('what is azure linux 4 based on?');
    expect(first.kind).toBe('lineage');
    expect(first.text).toContain('Fedora Linux 43');

    const second = await say('can I run it on a D2s v3?');
    expect(second.kind).toBe('compat');
    if (second.kind !== 'compat') return;
    expect(second.distro).toBe('azure-linux');
    expect(second.size).toBe('Standard_D2s_v3');

    const third = await say('and on Standard_A2_v2?');
    expect(third.kind).toBe('compat');
    if (third.kind !== 'compat') return;
    expect(third.size).toBe('Standard_A2_v2');
    expect(third.verdict).toBe('no'); // Av2 is Generation 1 only; Azure Linux 4.0 images are Generation 2

    const fourth = await say('what about rhel 10?');
    expect(fourth.kind).toBe('compat');
    if (fourth.kind !== 'compat') return;
    expect(fourth.distro).toBe('rhel');
    expect(fourth.size).toBe('Standard_A2_v2');

    const fifth = await say('which kernel does it ship?');
    expect(fifth.kind).toBe('distro');
    expect(fifth.summary).toContain('Red Hat Enterprise Linux 10');
    await store.close();
  });

  test('threads do not leak into each other', async () => {
    const store = new MemoryStore();
    await askInThread(ask, store, 'a', 'tell me about rocky 9');
    const other = await askInThread(ask, store, 'b', 'and on Standard_D4s_v5?');
    expect(other.kind).toBe('vm-size');
    await store.close();
  });

  test('the thread forgets after its time to live', async () => {
    const store = new MemoryStore();
    await store.set('thread:t', { distro: 'rhel', release: '10' }, 1);
    expect(await store.get('thread:t')).toEqual({ distro: 'rhel', release: '10' });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await store.get('thread:t')).toBeUndefined();
    await store.close();
  });

  test('increment counts from 1 and keeps the first expiry (a fixed window)', async () => {
    const store = new MemoryStore();
    expect(await Promise.all([1, 2, 3].map(() => store.increment('count:w', 1)))).toEqual([1, 2, 3]);
    await new Promise((r) => setTimeout(r, 600));
    // A later increment does not push the expiry out: 1.1 s after the first, the window is gone.
    expect(await store.increment('count:w', 1)).toBe(4);
    await new Promise((r) => setTimeout(r, 500));
    expect(await store.increment('count:w', 1)).toBe(1);
    await store.close();
  });

  test('claim is first-come: redelivered events are answered once', async () => {
    const store = new MemoryStore();
    expect(await store.claim('event:Ev1', 60)).toBe(true);
    expect(await store.claim('event:Ev1', 60)).toBe(false);
    await store.close();
  });
});
