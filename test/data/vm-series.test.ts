// Every series and every size of the reference, row by row, against src/data/vm-series.json.
import { describe, expect, it } from 'vitest';
import { dedupe, knowledge, ref, snapshot } from './fixtures.js';

const bySeries = new Map(knowledge.series.map((s) => [s.series, s]));
const aliasOf = new Map(ref.aliases.map((a) => [a.raw, a.model]));
const genOf = new Map(ref.generations.series.map((g) => [g.series, g]));
// counted by the per-series checks, asserted after them (vitest runs a file's tests in order)
const thinChecked = new Set<string>();
let printedAsChecked = 0;

describe('vm-series.json', () => {
  it("holds the reference's 191 series and 1,597 sizes, the curated Dlsv5 and Dldsv5 (16 sizes), 219 constrained sizes", () => {
    const sizes = knowledge.series.flatMap((s) => s.sizes);
    expect(snapshot.series).toHaveLength(191);
    expect(ref.series).toHaveLength(193);
    expect(knowledge.series).toHaveLength(193);
    expect(sizes).toHaveLength(1613);
    expect(sizes.filter((z) => z.constrainedFrom !== null)).toHaveLength(219);
    expect(knowledge.series.map((s) => s.series)).toEqual(ref.series.map((s) => s.series));
  });

  describe.each(ref.series.map((s) => [s.series, s] as const))('%s', (name, r) => {
    const s = bySeries.get(name)!;

    it('is present with the same family, arch and preview flag', () => {
      expect(s).toBeDefined();
      expect(s.family).toBe(r.family);
      expect(s.arch).toBe(r.arch);
      expect(s.preview).toBe(r.preview);
      expect(s.accelerator).toBe(r.accelerator ?? null);
    });

    it('has every size with the same vCPUs, memory and parent, in order', () => {
      expect(s.sizes.map((z) => z.name)).toEqual(r.sizes.map((z) => z.name));
      expect(s.sizes).toHaveLength(r.sizes.length);
      r.sizes.forEach((z, i) => {
        const got = s.sizes[i]!;
        expect(got.vcpus, z.name).toBe(z.vcpus);
        expect(got.memoryGiB, z.name).toBe(z.memoryGiB);
        expect(got.constrainedFrom, z.name).toBe(z.constrainedFrom ?? null);
      });
    });

    it('maps its printed processors through processor-aliases.json', () => {
      expect(s.processorsAsPrinted).toEqual(r.processors);
      expect(s.processors).toEqual(dedupe(r.processors.map((raw) => aliasOf.get(raw)!)));
      for (const p of s.processors) expect(p).toBeTypeOf('string');
    });

    it('has the Hyper-V generations of azure-vm-generations.json', () => {
      const g = genOf.get(name)!;
      expect(s.generations).toEqual(g.generations === null ? null : g.generations.map(Number));
      expect(s.generationsComplete).toBe(g.generationsComplete);
    });

    it('reads the retirement date, not the announcement date', () => {
      const text = r.retired;
      if (text === null || /^(Previous-gen|Not retired|Isolated sizes)/.test(text)) {
        expect(s.retirement).toBeNull();
        return;
      }
      expect(s.retirement).not.toBeNull();
      const { status, date } = s.retirement!;
      expect(date).not.toBeNull();
      if (/^Retired/.test(text)) expect(status).toBe('retired');
      else expect(status).toBe(date! <= knowledge.asOf ? 'retired' : 'announced');
      // the date is in the text (A8-A11 writes it out in words) and is not the announcement date
      const [y, m, d] = date!.split('-').map(Number);
      const inWords = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
      expect(text.includes(date!) || text.includes(inWords), text).toBe(true);
      expect(text).not.toMatch(new RegExp(`announced ${date}`));
      expect(text).not.toMatch(new RegExp(`restricted from ${date}`));
    });

    it('says so when the documentation is thin or inferred', () => {
      thinChecked.add(name);
      if (r.processors.length === 0) expect(s.caveats.join(' ')).toMatch(/names no processor/);
      if (s.processors.some((p) => p.endsWith(' - model not stated'))) expect(s.caveats.join(' ')).toMatch(/only a processor generation/);
      if (r.processorSource === 'fork-specs') expect(s.caveats.join(' ')).toMatch(/fork/);
      if (/inferred \(NVIDIA Grace/.test(r.archBasis)) expect(s.caveats.join(' ')).toMatch(/Arm64 is inferred/);
      for (const z of r.sizes.filter((x) => x.printedAs)) {
        expect(s.caveats.join(' ')).toContain(z.printedAs);
        printedAsChecked++;
      }
    });
  });

  it('ran the checks above for every series, and the conditional ones as often as the reference calls for them', () => {
    expect(thinChecked.size).toBe(ref.series.length);
    expect(printedAsChecked).toBe(ref.series.flatMap((r) => r.sizes).filter((z) => z.printedAs).length);
    expect(printedAsChecked).toBeGreaterThanOrEqual(5);
    // each conditional check above has rows to act on
    expect(ref.series.filter((r) => r.processors.length === 0).length).toBeGreaterThanOrEqual(4);
    expect(knowledge.series.filter((s) => s.processors.some((p) => p.endsWith(' - model not stated'))).length).toBeGreaterThanOrEqual(68);
    expect(ref.series.filter((r) => r.processorSource === 'fork-specs').length).toBeGreaterThanOrEqual(16);
    expect(ref.series.filter((r) => /inferred \(NVIDIA Grace/.test(r.archBasis)).length).toBeGreaterThanOrEqual(2);
  });

  it('carries a caveat for every documentation disagreement listed in azure-vm-notes.md section 5', () => {
    const expected: Record<string, RegExp> = {
      Ebsv5: /8272CL.*8370C.*8573C/,
      Dasv4: /Genoa.*Milan/,
      Dlsv7: /126 GiB/,
      Dldsv7: /126 GiB/,
      Fsv2: /three.*four/,
      Dsv2: /Premium Storage is not supported/,
      Bv1: /B1ls2.*B1ls/,
      Mbsv4: /M304bs_2_v4.*M304bs_4_v4/,
      HBv5: /HB368_336rsv5/,
      Mbdsv4: /misspells/,
      Esv6: /1,832 GiB/,
      Mbsv3: /416 vCPUs/,
      HC: /16-vCPU/,
      M: /218\.75/,
      'Mdsv3 Very High Memory': /M896ixds_24_v3/,
      NC_RTXPRO6000BSE_v6: /32-320/,
      DCesv6: /DCesv5/,
      Ebdsv6: /Edsv6/,
      DCedsv6: /caption/,
      ND_GB200_v6: /316 data disks/,
      G: /January 2024/,
      GS: /January 2024/,
      NC: /August 31, 2023/,
      NVv3: /2025-04-15/,
      'Msv4 Medium Memory': /"ls"/,
      NDasrA100_v4: /ND96asr_v4/,
      Dav4: /Standard_D2a_v41/,
      Edv5: /Standard_E104id_v52/,
      Lsv2: /Standard_L80s_v26/,
    };
    for (const [name, pattern] of Object.entries(expected)) {
      expect(bySeries.get(name)!.caveats.join(' '), name).toMatch(pattern);
    }
  });

  it('puts every size name in one series only', () => {
    const names = knowledge.series.flatMap((s) => s.sizes.map((z) => z.name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });
});
