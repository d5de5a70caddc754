// Classes of real questions the third held-out set showed the parser missing (issue 10), each rule walked over the
// data where it can be: features typed with a space before their number, ...
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { frameOf } from '../../src/core/question/frame.js';
import { readIntent } from '../../src/core/intent.js';
import { LEVELS } from '../../src/core/levels.js';
import { today } from '../../src/core/clock.js';
import { CPU_FAMILY_EXAMPLES } from '../fixtures/cpu-family-examples.js';

const c = catalog();

describe('a feature typed with a space before its number ("SSE 4.2", "AVX 2", "AVX 512")', () => {
  // every SSE4.x / AVX flag of every level, as people type it with a space: sse4_2 -> "SSE 4.2", avx512f -> "AVX 512"
  const spaced = c.levels.levels
    .filter((step) => step.level !== 'x86-64-v1') // SSE2 is every x86-64 CPU's: no question names it
    .flatMap((step) =>
      step.cpuinfoFlags.flatMap((flag) => {
        const m = /^(sse|avx)(4_[12]|2|512f)$/.exec(flag);
        return m ? [{ level: step.level, typed: `${m[1]!.toUpperCase()} ${m[2]!.replace('_', '.').replace(/f$/, '')}` }] : [];
      }),
    );
  test('every level above the baseline has one', () => {
    expect(new Set(spaced.map((x) => x.level))).toEqual(new Set(['x86-64-v2', 'x86-64-v3', 'x86-64-v4']));
  });
  test.each(spaced.map((x) => [x.typed, x.level] as const))('%s is %s', (typed, level) => {
    expect(frameOf(c, `which Azure sizes have ${typed}?`).levels).toEqual([level]);
    for (const q of [`my CPU does not support ${typed}, what now?`, `请问，如果机器不支持${typed}要怎么安装呢？`]) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.text, q).toContain(level);
    }
  });
});

describe('a distribution’s own name is not a question word', () => {
  // every multi-word name or alias whose words would ask something ("Common Base Linux Mariner": "base")
  const cued = c.distros.flatMap((d) =>
    [d.name, ...(d.aliases ?? [])]
      .filter((n) => /\s/.test(n) && (readIntent(n.toLowerCase()).asks.size > 0 || readIntent(n.toLowerCase()).facet !== null))
      .flatMap((n) => d.releases.filter((r) => /^\d+(\.\d+)?$/.test(r.version) && r.kernel).map((r) => ({ n, d, r }))),
  );
  test('there are such names', () => expect(cued.length).toBeGreaterThan(0));
  test.each(cued.map((x) => [`${x.n} ${x.r.version}`, x] as const))('%s: which kernel?', (_t, { n, r }) => {
    const f = frameOf(c, `we run ${n} ${r.version}; which kernel does it ship?`);
    expect(f.intent.facet).toBe('kernel');
    expect(f.intent.asks.has('upstream')).toBe(false);
    expect(ask(`we run ${n} ${r.version}; which kernel does it ship?`).summary).toContain(r.kernel!.split(' ')[0]!);
  });
});

describe('several releases, several facets: every facet for every release', () => {
  // every distribution with two numbered releases that have an end-of-life date
  const pairs = c.distros.flatMap((d) => {
    const dated = d.releases.filter((r) => r.eol && /^\d+(\.\d+)?$/.test(r.version));
    return dated.length >= 2 ? [{ d, rs: dated.slice(0, 2) }] : [];
  });
  test('there are such distributions', () => expect(pairs.length).toBeGreaterThan(3));
  test.each(pairs.map((p) => [p.d.name, p] as const))('%s', (_n, { d, rs }) => {
    const q = `${d.name} ${rs[0]!.version} and ${d.name} ${rs[1]!.version}: what are they based on, and when do they reach EOL?`;
    const a = ask(q);
    for (const r of rs) expect(a.summary, q).toContain(r.eol!);
  });
});

describe('a version with a word hyphenated to it ("RHEL 8-compatible", "Ubuntu 24.04-based")', () => {
  const numbered = c.distros.flatMap((d) => {
    const word = [d.id, ...(d.aliases ?? []), d.name].find((n) => /^[a-z]{4,}$/i.test(n));
    return word ? d.releases.filter((r) => /^\d+(\.\d+)?$/.test(r.version)).map((r) => ({ d, r, word })) : [];
  });
  test('there are such releases', () => expect(numbered.length).toBeGreaterThan(20));
  test.each(numbered.map(({ d, r, word }) => [`${word} ${r.version}`, d.id, r.version] as const))('%s', (typed, id, version) => {
    for (const suffix of ['compatible', 'based'])
      expect(frameOf(c, `we build ${typed}-${suffix} packages`).releases.map((x) => `${x.distro.id} ${x.release.version}`)).toEqual([`${id} ${version}`]);
  });
});

describe('a release the data does not hold, whose rebuild it does', () => {
  // every rebuild-of edge pointing at a release the data lacks (RHEL 7 -> CentOS Linux 7)
  const missing = c.distros.flatMap((d) =>
    d.releases.flatMap((r) =>
      r.upstream
        .filter((u) => u.relation === 'rebuild-of' && u.version && !c.findRelease(c.distros.find((x) => x.id === u.distro)!, u.version))
        .map((u) => ({ up: c.distros.find((x) => x.id === u.distro)!, version: u.version!, d, r })),
    ),
  );
  test('there are such releases', () => expect(missing.length).toBeGreaterThan(0));
  test.each(missing.map((m) => [`${m.up.name} ${m.version}`, m] as const))('%s', (typed, { d, r }) => {
    const a = ask(`when did ${typed} reach end of life?`);
    expect(a.text).toContain(`${d.name} ${r.version}`);
    expect(a.text).toMatch(/not in my data/);
    if (r.eol) expect(a.text).toContain(r.eol);
  });
});

describe('hardware said to lack a feature is not a request for Azure series', () => {
  // one feature word per level above the baseline, from the level table, as people type it
  const words = c.levels.levels
    .filter((s) => s.level !== 'x86-64-v1')
    .flatMap((s) =>
      s.cpuinfoFlags.filter((f) => /^(sse4_2|avx2?|avx512f|popcnt)$/.test(f)).map((f) => ({ level: s.level, word: f.toUpperCase().replace('_', '.') })),
    );
  const kinds = ['server CPUs', 'old processors', 'these low-power chips', 'a lot of NAS boxes'];
  test('every level above the baseline has a word', () => expect(new Set(words.map((w) => w.level)).size).toBe(3));
  test.each(words.flatMap(({ level, word }) => kinds.map((k) => [k, word, level] as const)))('%s without %s', (k, word, level) => {
    const q = `A lot of ${k} also don't have ${word}, which is my case. Will the software work with an older version?`;
    const a = ask(q);
    expect(a.kind, q).not.toBe('level');
    expect(a.text, q).toContain(level);
  });
  test.each(words.map(({ level, word }) => [word, level] as const))('“which machines don’t have %s?” still lists', (word, level) => {
    const a = ask(`which machines don't have ${word}?`);
    expect(a.kind).toBe('level');
    expect(a.text).toContain(level);
  });
});

describe('a number far from every release of a distribution is not its release', () => {
  // every distribution with numbered releases, by a one-word name: the next major (a release the data lacks) and a
  // number no release could have ("AlmaLinux OS 501(c)(6)", a foundation's tax status)
  const named = c.distros.flatMap((d) => {
    const word = [d.id, ...(d.aliases ?? []), d.name].find((n) => /^[a-z]{4,}$/i.test(n));
    const majors = d.releases.map((r) => Number.parseInt(r.version, 10)).filter((n) => Number.isFinite(n));
    const max = Math.max(...majors);
    return word && majors.length ? [{ d, word, next: max + 1, far: Math.max(2 * max + 11, 10 ** String(max).length) }] : [];
  });
  test('there are such distributions', () => expect(named.length).toBeGreaterThan(10));
  test.each(named.map((x) => [x.word, x] as const))('%s', (_w, { d, word, next, far }) => {
    // the next major is a release the data lacks, unless a sibling has it ("CentOS 9" is CentOS Stream 9)
    const e = frameOf(c, `is ${word} ${next} out yet?`).e;
    if (!e.releases.length) expect(e.badReleases.map((b) => b.typed)).toEqual([String(next)]);
    const f = frameOf(c, `the ${word} ${far}(c)(6) foundation runs it`);
    expect(f.e.badReleases).toEqual([]);
    expect(f.releases.map((r) => r.distro.id)).toContain(d.id);
  });
});

describe('a release that fails to boot: each release’s need, the higher one the likely cause', () => {
  // every pair of numbered releases of one distribution whose x86-64 needs differ
  const need = (r: (typeof c.distros)[number]['releases'][number]) => r.azureImageBaseline ?? r.x86_64Baseline;
  const pairs = c.distros.flatMap((d) => {
    const rs = d.releases.filter((r) => /^\d+(\.\d+)?$/.test(r.version) && need(r));
    return rs.flatMap((hi) => rs.filter((lo) => LEVELS.indexOf(need(lo)!) < LEVELS.indexOf(need(hi)!)).map((lo) => ({ d, hi, lo })));
  });
  test('there are such pairs', () => expect(pairs.length).toBeGreaterThan(5));
  test.each(pairs.map((p) => [`${p.d.name} ${p.lo.version} boots, ${p.hi.version} does not`, p] as const))('%s', (_t, { d, hi, lo }) => {
    for (const q of [
      `I built an image with ${d.name} ${lo.version} fine; with ${d.name} ${hi.version} the installation stopped with a kernel panic`,
      `${d.name} ${hi.version} won't boot in my VM, ${d.name} ${lo.version} boots fine`,
    ]) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.summary, q).toContain(`${d.name} ${hi.version} needs ${need(hi)}`);
      expect(a.summary, q).toContain(`${d.name} ${lo.version} only ${need(lo)}`);
    }
  });
  const v1 = c.distros.flatMap((d) => d.releases.filter((r) => /^\d+(\.\d+)?$/.test(r.version) && need(r) === 'x86-64-v1').map((r) => ({ d, r })));
  test.each(v1.map((x) => [`${x.d.name} ${x.r.version}`, x] as const))('%s needs only v1: the level is not the cause', (_t, { d, r }) => {
    const a = ask(`${d.name} ${r.version} fails to boot with a kernel panic`);
    expect(a.summary).toMatch(/not what stops it/);
  });
});

describe('GPU drivers and memory sizes are declined, with what the bot can say about the machine', () => {
  const gpu = c.series.filter((s) => s.record.family === 'GPU accelerated');
  test('there are GPU series', () => expect(gpu.length).toBeGreaterThan(10));
  test.each(gpu.map((s) => [s.record.series, s] as const))('the GRID driver on %s', (name, s) => {
    for (const q of [`Is NVIDIA grid driver 17.1 supported on Azure ${name} instances?`, `how much GPU memory does the ${name} series have?`]) {
      const a = ask(q);
      expect(a.kind, q).toBe('out-of-scope');
      expect(a.summary, q).toMatch(/Azure/);
      if (s.guaranteed) expect(a.summary, q).toContain(s.guaranteed);
    }
  });
  // one size per series, its memory typed as a spec sheet writes it
  const sizes = c.series.flatMap((s) => (s.record.sizes[0] ? [s.record.sizes[0].name.replace(/^Standard_/, '')] : []));
  test('many sizes', () => expect(sizes.length).toBeGreaterThan(50));
  test.each(sizes)('%s = 12GB', (size) => {
    const a = ask(`It should be:\n${size} = 12GB\n${size} = 24GB`);
    expect(a.kind).toBe('out-of-scope');
  });
  test('a GPU series asked for its processors is still answered', () => {
    for (const s of gpu.slice(0, 5)) expect(ask(`which CPU does the ${s.record.series} series have?`).kind).toBe('series');
  });
});

describe('the premium-storage "s" typed where the other naming puts it ("DS2_v3" for D2s_v3)', () => {
  const names = new Set(c.sizes.map((s) => s.size.name.toLowerCase()));
  // every size whose "s" follows the vCPU count, typed before it (and the reverse), when that spelling is no size
  const moved = c.sizes.flatMap((s) => {
    const m = /^Standard_([A-Z]+)(\d+)(s?)([a-z]*)(_v\d+)?$/.exec(s.size.name);
    if (!m) return [];
    const [, letters, digits, ess, rest, version = ''] = m;
    const typed = ess
      ? `Standard_${letters}S${digits}${rest}${version}`
      : letters!.endsWith('S') && letters!.length > 1
        ? `Standard_${letters!.slice(0, -1)}${digits}s${rest}${version}`
        : null;
    return typed && !names.has(typed.toLowerCase()) ? [{ typed, size: s.size.name }] : [];
  });
  test('there are many such sizes, both ways', () => {
    expect(moved.length).toBeGreaterThan(50);
    expect(moved.some((x) => /^Standard_DS\d/.test(x.size))).toBe(true);
  });
  test.each(moved.map((x) => [x.typed, x.size] as const))('%s is %s', (typed, size) => {
    const f = frameOf(c, `Unable to resize to ${typed}: not available in the current region`);
    expect(f.e.sizes.map((s) => s.size.name)).toEqual([size]);
    expect(f.e.corrections).toEqual([{ typed, meant: size }]);
  });
});

describe('release dates asked beside end of life', () => {
  // every numbered release with a release date and an end-of-life date
  const dated = c.distros.flatMap((d) => d.releases.filter((r) => r.released && r.eol && /^\d+(\.\d+)?( LTS)?$/.test(r.version)).map((r) => ({ d, r })));
  test('there are such releases', () => expect(dated.length).toBeGreaterThan(20));
  test.each(dated.map((x) => [`${x.d.name} ${x.r.version}`, x] as const))('%s', (_t, { d, r }) => {
    const v = r.version.replace(/ LTS$/, '');
    for (const q of [`when was ${d.name} ${v} released, and when does it reach end of life?`, `${d.name} ${v}: release date and EOL?`]) {
      const a = ask(q);
      expect(a.summary, q).toContain(r.released!);
      expect(a.summary, q).toContain(r.eol!);
    }
  });
});

describe('a distribution typed by a former name: its name today and its newest generally available release', () => {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  // every release alias that is a name its newest GA release does not bear ("cbl-mariner 2.0"), the name part only
  const former = c.distros.flatMap((d) => {
    const ga = d.releases.find((r) => r.status === 'ga');
    if (!ga) return [];
    return d.releases.flatMap((r) =>
      r.aliases
        .map((a) => a.replace(/[\s-]*\d+(\.\d+)?$/, ''))
        .filter(
          (n) =>
            /^[a-z][a-z -]{3,}$/i.test(n) &&
            (d.aliases ?? []).some((a) => key(a) === key(n)) && // a name of the distribution, not a release's codename
            !key(d.name).includes(key(n)) &&
            !ga.aliases.some((a) => key(a).includes(key(n))),
        )
        .map((n) => ({ d, r, n, ga })),
    );
  });
  test('there are such names (CBL-Mariner among them)', () => expect(former.some((x) => x.n.toLowerCase() === 'cbl-mariner')).toBe(true));
  test.each(former.map((x) => [`${x.n} ${x.r.version}`, x] as const))('%s', (_t, { d, r, n, ga }) => {
    for (const typed of [`${n} ${r.version}`, ...(r.version.includes('.') ? [`${n} v${r.version}`] : [])]) {
      const q = `With wide adoption of ${d.name}, it would be great to have an image based on ${typed}.`;
      const f = frameOf(c, q);
      expect(f.releases.map((x) => x.release)).toContain(r);
      expect(ask(q).caveats.join(' '), q).toContain(`its newest generally available release is ${d.name} ${ga.version}`);
    }
  });
});

describe('model numbers typed without their brand words ("9980xe", "4790k", "intel g5400")', () => {
  const familyOf = (id: string) => c.cpuFamilies.families.find((f) => f.rule.id === id)!;
  // every Core example with an Intel-only suffix, and every Pentium / Celeron G example, typed bare
  const bare = CPU_FAMILY_EXAMPLES.flatMap(([typed, id]) => {
    const core = /^i[3579]-(\d{4,5}(?:K|KF|KS|XE))$/.exec(typed);
    const g = /^(?:Pentium(?: Gold)?|Celeron) (G\d{3,4}[A-Z]?)$/.exec(typed);
    return core ? [{ bare: core[1]!, id, said: core[1]! }] : g ? [{ bare: `intel ${g[1]!}`, id, said: g[1]! }] : [];
  });
  test('there are many such examples', () => expect(bare.length).toBeGreaterThan(15));
  test.each(bare.map((x) => [x.bare, x] as const))('%s', (_t, { bare: typed, id, said }) => {
    const fam = familyOf(id);
    const found = frameOf(c, `my ${typed} crashes`).e.mentions.familyCpus;
    // read, at its family's level, or (when brands disagree) left unread: never another level
    for (const m of found) expect(m.family.level, typed).toBe(fam.level);
    if (found.length) expect(ask(`is a ${typed} x86-64-v3?`).text).toContain(`${said.toUpperCase()}`);
  });
  test('most are read', () => {
    const read = bare.filter((x) => frameOf(c, `my ${x.bare} crashes`).e.mentions.familyCpus.length);
    expect(read.length).toBeGreaterThan(bare.length * 0.7);
  });
  test('an AMD part with an X suffix is not read as Intel', () => {
    expect(frameOf(c, 'my 7900x crashes').e.mentions.familyCpus).toEqual([]);
  });
});

describe('a paste that shows less than the machine has: something hides features', () => {
  const upTo = (l: string) => c.levels.levels.slice(0, LEVELS.indexOf(l as (typeof LEVELS)[number]) + 1).flatMap((s) => s.cpuinfoFlags);
  const fam = (id: string) => c.cpuFamilies.families.find((f) => f.rule.id === id)!;
  // one model per family rule at x86-64-v3 or above (not Azure's own), pasted with a guest's x86-64-v2 flags line
  const hosts = [
    ...new Map(
      CPU_FAMILY_EXAMPLES.filter(([typed, id]) => {
        const f = fam(id);
        return f?.rule.kind === 'processor' && f.level && LEVELS.indexOf(f.level) >= 2 && /\d{3}/.test(typed) && !frameOf(c, typed).e.cpus.length;
      }).map(([typed, id]) => [id, typed] as const),
    ).entries(),
  ];
  test('many families', () => expect(hosts.length).toBeGreaterThan(15));
  test.each(hosts)('%s under a virtual CPU type', (id, typed) => {
    const a = ask(`can't run models\nModel name: ${typed}\nFlags: ${[...upTo('x86-64-v2'), 'hypervisor'].join(' ')}`);
    expect(a.kind).toBe('flags');
    expect(a.summary).toContain(`is ${fam(id).level}, but these flags make only x86-64-v2`);
    expect(a.summary).toMatch(/virtual machine \(the hypervisor flag\)/);
  });
  // the host's ld.so --help beside a guest's refusal of a level that host supports
  const above = LEVELS.filter((l) => l !== 'x86-64-v1');
  test.each(above.flatMap((host) => above.filter((g) => LEVELS.indexOf(g) <= LEVELS.indexOf(host)).map((g) => [host, g] as const)))(
    'ld.so on the host says %s, the guest refuses %s',
    (host, guest) => {
      const ldso = [...above]
        .reverse()
        .map((l) => `  ${l}${LEVELS.indexOf(l) <= LEVELS.indexOf(host) ? ' (supported, searched)' : ''}`)
        .join('\n');
      const a = ask(
        `Fatal glibc error: CPU does not support ${guest}\n\nBare-metal:\n$ ld.so --help\nSubdirectories of glibc-hwcaps directories, in priority order:\n${ldso}`,
      );
      expect(a.summary).toContain(`the error says the CPU lacks ${guest}`);
      expect(a.summary).toMatch(/virtual CPU type/);
    },
  );
  // a shortened list (inxi) beside a model below x86-64-v4: what the level above needs, which it lacks
  const below = [
    ...new Map(
      CPU_FAMILY_EXAMPLES.filter(([typed, id]) => {
        const f = fam(id);
        return (
          f?.rule.kind === 'processor' &&
          f.level &&
          f.level !== 'x86-64-v4' &&
          f.missingForNext.length &&
          /\d{3}/.test(typed) &&
          !frameOf(c, typed).e.cpus.length
        );
      }).map(([typed, id]) => [id, typed] as const),
    ).entries(),
  ];
  test.each(below)('%s: a shortened flags list', (id, typed) => {
    const a = ask(
      `CPU ISA level is lower than required\nCPU: Info: quad core model: ${typed}\n  Flags: avx ht lm nx pae sse sse2 sse3 sse4_1 sse4_2 ssse3 vmx`,
    );
    const f = fam(id);
    expect(a.summary).toContain(`A build for ${LEVELS[LEVELS.indexOf(f.level!) + 1]} needs ${f.missingForNext.join(', ')}`);
  });
});

describe('macOS installed on a PC is a hackintosh, by whatever name the release is typed', () => {
  const releases = ['El Capitan', 'High Sierra', 'Mojave', 'Catalina', 'Big Sur', 'Monterey', 'Ventura', 'Sonoma', 'Sequoia'];
  // one processor per family rule (not Azure's own)
  const cpus = [
    ...new Map(
      CPU_FAMILY_EXAMPLES.filter(([typed, id]) => /\d{3}/.test(typed) && !/^(qemu|proxmox)-/.test(id) && !frameOf(c, typed).e.cpus.length).map(
        ([typed, id]) => [id, typed] as const,
      ),
    ).values(),
  ].slice(0, 12);
  test.each(releases.flatMap((r) => cpus.map((cpu) => [r, cpu] as const)))('installing %s on a %s', (r, cpu) => {
    const q = `I managed to install ${r} on my workstation; will a ${cpu} work to install ${r} too?`;
    expect(ask(q).kind, q).toBe('out-of-scope');
  });
  test.each(releases)('%s named where something works is an aside', (r) => {
    const a = ask(`Illegal instruction on Ubuntu 24.04 with an Intel Xeon E5-2680 v3; under ${r} the same code works fine`);
    expect(a.kind).toBe('triage');
    expect(a.text).toContain('Haswell');
  });
});

describe('"<line> series" beside a processor of that line is the processor’s product line, not an Azure series', () => {
  // every processor example whose product line shares its name with an Azure series (FX, A ...)
  const clashing = CPU_FAMILY_EXAMPLES.flatMap(([typed, id]) => {
    const f = c.cpuFamilies.families.find((x) => x.rule.id === id);
    const line = /^(?:AMD\s+)?([A-Z]+)\d*-\d/.exec(typed)?.[1];
    return f?.rule.kind === 'processor' && f.level && line && c.seriesByKey.has(line.toLowerCase()) ? [{ typed, line, level: f.level }] : [];
  });
  test('there are such processors (the FX among them)', () => expect(clashing.some((x) => x.line === 'FX')).toBe(true));
  test.each(clashing.map((x) => [`AMD ${x.typed} ${x.line}-Series`, x] as const))('%s', (_t, { typed, line, level }) => {
    const q = `AMD ${typed} ${line}-Series 8-Core raises Illegal Instructions, does it have AVX2?`;
    const f = frameOf(c, q);
    expect(f.targets).toEqual([]);
    expect(ask(q).text).toContain(level);
  });
  test('the Azure series of that name, asked alone, is still the Azure series', () => {
    expect(frameOf(c, 'which CPU does the FX series run on?').targets.map((t) => t.label)).toEqual(['FX']);
  });
});

describe('a series named without its version is every current version of it', () => {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const current = c.series.filter((s) => s.record.retirement?.status !== 'retired' && /^[A-Za-z]+\d+$/.test(s.record.series));
  // every stem ("Lsv", "Lasv", "B") and the current series that carry it with a version
  const stems = new Map<string, string[]>();
  for (const s of current) {
    // "B" for Bv1; "Lsv" for Lsv3, since "Ls" is a series of its own
    const withV = s.record.series.replace(/\d+$/, '');
    const bare = withV.replace(/v$/, '');
    const stem = c.seriesByKey.has(key(bare)) ? withV : bare;
    if (c.seriesByKey.has(key(stem))) continue;
    stems.set(stem, [...(stems.get(stem) ?? []), s.record.series]);
  }
  test('there are such stems (Lsv and Las among them)', () => {
    expect(stems.has('Lsv') && stems.has('Las')).toBe(true);
  });
  test.each([...stems.entries()].map(([stem, all]) => [stem, all] as const))('%s-series', (stem, all) => {
    expect(frameOf(c, `what processors do the ${stem}-series run on?`).targets.map((t) => t.label)).toEqual(all);
  });
  test('"Lsv and Lasv (Intel, AMD)": every version with its processors', () => {
    const a = ask('Lsv and Lasv are different types (I think Intel, AMD, respectively). We should support both.');
    for (const name of [...stems.get('Lsv')!, ...stems.get('Las')!]) {
      const s = c.seriesByKey.get(key(name))!;
      for (const cpu of s.cpus) expect(a.summary).toContain(cpu.model.model);
    }
  });
  // every series with sizes, named beside one of its own sizes: one machine
  const withSizes = c.series.filter((s) => s.record.sizes.length && !/\s/.test(s.record.series));
  test.each(withSizes.map((s) => [s.record.series, s.record.sizes[0]!.name] as const))('the %s series beside %s is one machine', (series, size) => {
    expect(frameOf(c, `the ${series} series is deprecated; no exact match for the previous ${size} size`).targets.map((t) => t.label)).toEqual([size]);
  });
});

describe('a processor named by its codename beside a benchmark and a release: the processor is the question', () => {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  // every codename part of every Azure processor that names processors on its own ("Neoverse N1", "Milan")
  const parts = [
    ...new Map(
      [...c.cpus.values()].flatMap((cpu) =>
        cpu.model.codename
          .split(/[(),]/)
          .map((p) => p.trim())
          // "Arm CSS V3": a trailing "V3" reads as a level, a documented ambiguity, left out here
          .filter((p) => p.length >= 4 && c.cpuByCodename.has(key(p)) && !/\bV\d$/.test(p))
          .map((p) => [key(p), p] as const),
      ),
    ).values(),
  ];
  test('there are such codenames', () => expect(parts.length).toBeGreaterThan(5));
  test.each(parts)('%s', (part) => {
    const q = `When I run any benchmark on Azure it reports\nBenchmarkDotNet v0.13.12, Ubuntu 22.04.4 LTS\nUnknown processor\n$ lscpu\nModel name: ${part}`;
    const a = ask(q);
    expect(a.kind, q).not.toMatch(/out-of-scope|distro/);
    // the processors, or (for a codename the microarchitecture rules read, "Haswell-EP") their level
    const cpus = c.cpuByCodename.get(key(part))!;
    const said = cpus.some((cpu) => a.text.includes(cpu.model.model)) || cpus.every((cpu) => cpu.level && a.text.includes(cpu.level));
    expect(said, q).toBe(true);
  });
});

describe('which processor features a hypervisor exposes to its guests', () => {
  test.each(['Hyper-V', 'VMware ESXi', 'Proxmox', 'QEMU', 'VirtualBox', 'KVM'])('%s', (h) => {
    for (const q of [
      `Updated documentation on which processor features ${h} exposes to VMs would be nice`,
      `which CPU features are exposed to the guests on ${h}?`,
    ]) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.text, q).toMatch(/hide CPU features from the guest/);
      expect(a.text, q).toMatch(/ld\.so --help/);
    }
  });
  test('the processor feature mask is Hyper-V’s processor compatibility mode', () => {
    const a = ask('And documentation about the Processor Feature Mask that you can see at the Win2019 Event log');
    expect(a.kind).toBe('triage');
    expect(a.text).toMatch(/compatibility mode/);
  });
});

describe('"is there something beyond <feature>?": the features above it, with their levels', () => {
  const words = [
    ['SSE4.2', 'x86-64-v2'],
    ['AVX', 'x86-64-v3'],
    ['AVX2', 'x86-64-v3'],
  ] as const;
  test.each(words)('beyond %s', (word, level) => {
    // the feature is the level table's (src/data/x86-64-levels.json)
    expect(c.levels.levels.find((l) => l.level === level)!.cpuinfoFlags).toContain(word.toLowerCase().replace('.', '_'));
    for (const q of [`your CPU must support ${word} at the minimum. Is there something beyond ${word}?`, `what comes after ${word}?`]) {
      const a = ask(q);
      expect(a.summary, q).toMatch(new RegExp(`^Beyond ${word.replace('.', '\\.')} come`));
      for (const higher of LEVELS.filter((l) => LEVELS.indexOf(l) > LEVELS.indexOf(level))) expect(a.summary, q).toContain(higher);
    }
  });
});

describe('an illegal instruction as shells print it in other languages, and as exit status 132 (128 + SIGILL)', () => {
  // glibc's translations of SIGILL's name, each as a shell prints it after a crash
  const shells = [
    '非法指令 (核心已转储)',
    '不合法的指令 (核心已傾印)',
    '不正な命令 (コアダンプ)',
    '잘못된 명령어 (코어 덤프됨)',
    'Недопустимая инструкция (стек памяти сброшен на диск)',
    'Ungültiger Maschinenbefehl (Speicherabzug geschrieben)',
    'Instruction non permise (core dumped)',
    "Instrucción ilegal (`core' generado)",
    'Instrução ilegal (imagem do núcleo gravada)',
    'Istruzione non consentita (core dump creato)',
    'Nieprawidłowa instrukcja (zrzut pamięci)',
    'Neplatná instrukce (SIGILL)',
    'Ongeldige instructie (geheugendump gemaakt)',
    'container exited with code 132',
    'Exit status 132 on start',
    'mongodb will just show error 132',
    'the server process was killed by signal 4',
  ];
  test.each(shells)('%s', (text) => {
    const a = ask(`./server\n${text}`);
    expect(a.kind).toBe('triage');
    expect(a.text).toMatch(/AVX/);
  });
  test.each(['version 4.132', 'signal 4.5 dB on the link', 'port 1132 is open'])('%s is no crash', (text) => {
    expect(frameOf(c, text).e.mentions.errors).toEqual([]);
  });
});

describe('an ordinary word one slip from a distribution’s name is not that distribution', () => {
  test.each(['my Xeon has 12 cores', 'it rocks on Azure', 'photos of the server', 'running steam on it'])('%s', (q) => {
    expect(frameOf(c, q).e.corrections).toEqual([]);
  });
});

describe('a failure beside a feature, with no message pasted, and refusals worded as a lack', () => {
  // one feature word per level above the baseline, from the level table
  const words = c.levels.levels
    .filter((s) => s.level !== 'x86-64-v1')
    .flatMap((s) =>
      s.cpuinfoFlags
        .filter((f) => /^(sse4_2|avx|avx2|avx512f)$/.test(f))
        .map((f) => ({ level: s.level, word: f.toUpperCase().replace('_', '.').replace(/F$/, '') })),
    );
  test('every level above the baseline has a word', () => expect(new Set(words.map((w) => w.level)).size).toBe(3));
  test.each(words.map((w) => [w.word, w.level] as const))('%s', (word, level) => {
    for (const q of [`the database requires ${word}, my server fails at start`, `the new release needs ${word} and my old server can't run it`]) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.summary, q).toContain(`What fails here needs ${level}`);
    }
    for (const q of [
      `warn: CPU lacks ${word} support, strange crashes may occur`,
      `The library was compiled to use ${word} instructions, but these aren't available on your machine.`,
    ]) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.summary, q).toContain(`(one of the ${level} features)`);
    }
  });
  test('how to check is still how to check', () => {
    expect(ask('how do I check that my server supports AVX2?').summary).not.toMatch(/What fails here/);
  });
});

describe('"X drops support for <level>": yes when it needs more, no when it still runs there', () => {
  // every numbered release with a documented need, against every level
  const releases = c.distros.flatMap((d) =>
    d.releases.filter((r) => /^\d+(\.\d+)?( LTS)?$/.test(r.version) && (r.azureImageBaseline ?? r.x86_64Baseline)).map((r) => ({ d, r })),
  );
  test('there are such releases', () => expect(releases.length).toBeGreaterThan(20));
  test.each(releases.map((x) => [`${x.d.name} ${x.r.version}`, x] as const))('%s', (_t, { d, r }) => {
    const need = (r.azureImageBaseline ?? r.x86_64Baseline)!;
    for (const level of LEVELS) {
      const q = `${d.name} ${r.version.replace(/ LTS$/, '')} drops support for ${level} CPUs, is that right?`;
      const a = ask(q);
      expect(a.summary, q).toMatch(new RegExp(`^${LEVELS.indexOf(need) > LEVELS.indexOf(level) ? 'Yes' : 'No'} — `));
      expect(a.summary, q).toContain(`needs ${need}`);
    }
  });
});

describe('a service pack the data does not hold is not the one it does', () => {
  const packs = c.distros.flatMap((d) =>
    d.releases.flatMap((r) => {
      const m = /^(\d+) SP(\d+)$/.exec(r.version);
      return m ? [{ d, r, major: m[1]!, other: `SP${Number(m[2]) - 2}` }] : [];
    }),
  );
  test('there are such releases', () => expect(packs.length).toBeGreaterThan(0));
  test.each(packs.map((p) => [`${p.d.name} ${p.major} ${p.other}`, p] as const))('%s', (_t, { d, r, major, other }) => {
    const a = ask(`${d.aliases?.[0] ?? d.name} ${major} ${other} general support ends when?`);
    expect(a.kind).toBe('not-found');
    expect(a.text).toContain(r.version);
    if (r.eol) expect(a.summary).not.toContain(r.eol);
  });
});

describe('moving between releases, asking about CPU requirements: each release’s need', () => {
  // every pair of numbered releases of different distributions in one family whose needs differ (CentOS 8 -> AlmaLinux 9)
  const need = (r: (typeof c.distros)[number]['releases'][number]) => r.azureImageBaseline ?? r.x86_64Baseline;
  const ended = c.distros.flatMap((d) => d.releases.filter((r) => r.eol && r.eol < today() && need(r) && /^\d+$/.test(r.version)).map((r) => ({ d, r })));
  const live = c.distros.flatMap((d) => d.releases.filter((r) => (!r.eol || r.eol > today()) && need(r) && /^\d+$/.test(r.version)).map((r) => ({ d, r })));
  const pairs = ended.flatMap((a) =>
    live
      .filter((b) => b.d !== a.d && need(b.r) !== need(a.r))
      .slice(0, 2)
      .map((b) => ({ a, b })),
  );
  test('there are such pairs', () => expect(pairs.length).toBeGreaterThan(3));
  test.each(pairs.map((p) => [`${p.a.d.name} ${p.a.r.version} -> ${p.b.d.name} ${p.b.r.version}`, p] as const))('%s', (_t, { a, b }) => {
    const q = `we are moving from ${a.d.name} ${a.r.version} to ${b.d.name} ${b.r.version}, any CPU requirement changes?`;
    const s = ask(q).summary;
    expect(s, q).toContain(`${a.d.name} ${a.r.version} needs ${need(a.r)}`);
    expect(s, q).toContain(`${b.d.name} ${b.r.version} needs ${need(b.r)}`);
  });
});

describe('more hypervisors and compatibility modes: a guest that lacks what its host has', () => {
  // one processor per family rule at x86-64-v3 or above (not Azure's own)
  const hosts = [
    ...new Map(
      CPU_FAMILY_EXAMPLES.filter(([typed, id]) => {
        const f = c.cpuFamilies.families.find((x) => x.rule.id === id);
        return f?.rule.kind === 'processor' && f.level && LEVELS.indexOf(f.level) >= 2 && /\d{3}/.test(typed) && !frameOf(c, typed).e.cpus.length;
      }).map(([typed, id]) => [id, typed] as const),
    ).values(),
  ].slice(0, 10);
  const guests = ['xen domU', 'XCP-ng VM', 'Hyper-V VM', 'ESXi VM with EVC mode on'];
  test.each(hosts.flatMap((h) => guests.map((g) => [g, h] as const)))('%s on a %s', (g, h) => {
    const a = ask(`my ${g} lacks AVX2, host is a ${h}`);
    expect(a.kind).toBe('triage');
    expect(a.summary).toMatch(/not the cause/);
  });
});

describe('Google Cloud machine series by their bare names, two or more together, are declined', () => {
  const gcp = ['n1', 'n2', 'n2d', 'n4', 'c2', 'c2d', 'c3', 'c3d', 'c4', 'c4a', 't2a', 't2d', 'e2', 'm1', 'm2', 'm3', 'a2', 'a3', 'h3', 'z3'];
  // those no Azure size is called (Azure's "A2" is Standard_A2)
  const notAzure = gcp.filter((g) => !c.sizeByKey.has(g));
  test('most are not Azure sizes', () => expect(notAzure.length).toBeGreaterThan(12));
  test.each(notAzure.slice(0, -1).map((g, i) => [g, notAzure[i + 1]!] as const))('%s and %s', (a, b) => {
    const q = `My brain is telling me that ${a} and ${b} have differences in what types of CPU they support`;
    const ans = ask(q);
    expect(ans.kind, q).toBe('out-of-scope');
    expect(ans.summary).toMatch(/Azure/);
    expect(ans.suggestions ?? []).toEqual([]);
  });
  test('one alone is not enough to decline', () => {
    expect(frameOf(c, 'the n2 variant of the chart').e.mentions.outOfScope).toEqual([]);
  });
});

describe('a processor against several releases: each release’s need, and which are above it', () => {
  const need = (r: (typeof c.distros)[number]['releases'][number]) => r.azureImageBaseline ?? r.x86_64Baseline;
  const byLevel = new Map<string, string>();
  for (const [typed, id] of CPU_FAMILY_EXAMPLES) {
    const f = c.cpuFamilies.families.find((x) => x.rule.id === id);
    if (f?.rule.kind === 'processor' && f.level && /\d{3}/.test(typed) && !byLevel.has(f.level)) byLevel.set(f.level, typed);
  }
  // Azure's own x86 processors too, one per level
  for (const cpu of c.cpus.values())
    if (cpu.model.arch === 'x64' && cpu.level && !byLevel.has(`azure ${cpu.level}`)) byLevel.set(`azure ${cpu.level}`, cpu.model.model);
  const pairs = c.distros.flatMap((d) => {
    const rs = d.releases.filter((r) => /^\d+$/.test(r.version) && need(r));
    return rs.flatMap((a) => rs.filter((b) => LEVELS.indexOf(need(b)!) > LEVELS.indexOf(need(a)!)).map((b) => ({ d, a, b }))).slice(0, 1);
  });
  test('processors of several levels, pairs of several distributions', () => {
    expect(byLevel.size).toBeGreaterThan(4);
    expect(pairs.length).toBeGreaterThan(3);
  });
  test.each([...byLevel.entries()].flatMap(([lvl, cpu]) => pairs.map((p) => [cpu, `${p.d.name} ${p.a.version} / ${p.b.version}`, lvl, p] as const)))(
    '%s: %s',
    (cpu, _t, lvl, { d, a, b }) => {
      const level = lvl.replace('azure ', '');
      const q = `migrating from ${d.name} ${a.version} to ${d.name} ${b.version} on our ${cpu} servers, will it run?`;
      const s = ask(q).summary;
      for (const r of [a, b]) {
        const above =
          LEVELS.indexOf(need(r)!) > LEVELS.indexOf(level as (typeof LEVELS)[number]) &&
          !(r.altBuildBaseline && LEVELS.indexOf(r.altBuildBaseline) <= LEVELS.indexOf(level as (typeof LEVELS)[number]));
        expect(s, q).toContain(`${d.name} ${r.version} needs ${need(r)}${above ? ', above it' : ''}`);
      }
    },
  );
});
