// Questions outside what the bot covers are declined, then what it does know about the size named: a GPU driver or
// runtime failing on every size of every GPU series (vm-series.json), and a hypervisor's own error about hardware
// virtualization (VT-x, AMD-V, VirtualBox's VERR_VMX_*), on any host, beside any release.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';

const c = catalog();
const gpuSizes = c.series.filter((s) => s.record.family === 'GPU accelerated').flatMap((s) => s.record.sizes.slice(0, 2).map((z) => ({ s, size: z.name })));
const failures = [
  (z: string) => `CUDA not working on ${z}, nvidia-smi says no devices`,
  (z: string) => `${z}: the nvidia kernel module fails to load after reboot`,
  (z: string) => `the GPU is not detected on my ${z}`,
];

describe('a GPU driver failing on a GPU size', () => {
  test('is declined, then the size’s own facts', () => {
    expect(gpuSizes.length).toBeGreaterThan(30);
    for (const { size } of gpuSizes)
      for (const f of failures) {
        const q = f(size);
        const a = ask(q);
        expect(a.kind, q).toBe('out-of-scope');
        expect(a.summary, q).toMatch(/^GPUs and their drivers: outside what I know/);
        expect(a.summary, q).toContain(size);
      }
  });
  test('the size’s processor is still answered', () => {
    for (const { size } of gpuSizes.slice(0, 10)) expect(ask(`which cpu does ${size} have?`).kind).toBe('vm-size');
  });
});

describe('a hypervisor error about hardware virtualization', () => {
  const errors = ['VT-x is not available', 'AMD-V is disabled in the BIOS', 'VERR_VMX_MSR_ALL_VMX_DISABLED', 'kvm: disabled by bios'];
  const hosts = ['on my macOS host', 'on a Windows 11 laptop', 'in VirtualBox'];
  test('is declined, with what the release named needs', () => {
    for (const e of errors)
      for (const h of hosts) {
        const q = `${e} ${h} when I start the Rocky Linux 9 VM`;
        const a = ask(q);
        expect(a.kind, q).toBe('out-of-scope');
        expect(a.summary, q).toContain('Rocky Linux 9 needs x86-64-v2');
      }
  });
  test('a level refused on a guest is still triage', () => {
    expect(ask('kvm64 guest on proxmox: Fatal glibc error: CPU does not support x86-64-v2').kind).toBe('triage');
  });
});
