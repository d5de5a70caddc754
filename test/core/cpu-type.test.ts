// The choice of a QEMU/KVM guest's CPU type (question/cpu-type.ts): `host` passes every host feature through at the
// cost of live migration; Proxmox's x86-64-v2-AES is the middle ground, at its own level (cpu-families.json). Every
// release with a baseline (distros.json), asked in several shapes: what it needs of the CPU type, against that level.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { levelRank } from '../../src/core/levels.js';

const c = catalog();
const named = c.cpuFamilies.families.find((f) => f.rule.id === 'proxmox-x86-64-v2-aes')!;
const host = c.cpuFamilies.families.find((f) => f.rule.id === 'qemu-host')!;
const releases = c.distros.flatMap((d) => d.releases.filter((r) => r.x86_64Baseline).map((r) => ({ d, r, need: r.x86_64Baseline! })));
const shapes = [
  (n: string) => `What CPU type should I choose in Proxmox for ${n}?`,
  (n: string) => `proxmox: cpu type host or x86-64-v2-AES for ${n}?`,
  (n: string) => `Which processor type do I pick in virt-manager (KVM) for a ${n} guest?`,
];

describe('a guest CPU type asked', () => {
  test('the data holds what the answer says: the x86-64-v2-AES level and the migration caveat, each sourced', () => {
    expect(named.level).toBe('x86-64-v2');
    expect(host.rule.caveats.some((x) => /live migration/i.test(x))).toBe(true);
    expect(host.rule.sources.length).toBeGreaterThan(0);
  });

  test('every release: host first with its cost, then what the release needs of the type', () => {
    let asked = 0;
    for (const { d, r, need } of releases)
      for (const shape of shapes) {
        const name = `${d.name} ${r.version}`;
        const q = shape(name);
        const a = ask(q);
        if (a.kind !== 'triage') continue; // a name two distributions share is asked which
        expect(a.summary, q).toMatch(/^CPU type `host` passes every CPU feature of the host to the guest/);
        expect(a.summary, q).toContain('live migration');
        expect(a.summary, q).toContain(`${name} needs ${need}`);
        const fits = levelRank(need) <= levelRank(named.level!);
        expect(a.summary.includes('is not enough'), q).toBe(!fits);
        expect(a.sources.map((s) => s.url)).toContain(host.rule.sources[0]!.url);
        asked++;
      }
    expect(asked).toBeGreaterThan(releases.length * 2);
  });

  test('"does host fix it?" is yes, with the condition', () => {
    for (const q of ['Does setting CPU type to host fix the x86-64-v2 error in Proxmox?', 'will changing the proxmox vm cpu to host fix it?'])
      expect(ask(q).summary, q).toMatch(/^Yes, when the host’s own CPU has the features — /);
  });

  test('a processor named is the question, not the type', () => {
    const a = ask('which cpu model should I pick in virt-manager for my Xeon E3-1275 v2?');
    expect(a.summary).not.toMatch(/^CPU type `host`/);
  });

  test('without a hypervisor, no CPU type answer', () => {
    expect(ask('what CPU type does RHEL 9 need?').summary).not.toMatch(/^CPU type `host`/);
  });
});
