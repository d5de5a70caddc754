// The general rules behind the misses of real questions (issue 10), each walked over the data where it can be:
// CPUs typed as people type them, refusals in other languages, log variables that look like sizes, other
// products' version numbers, other clouds named beside a distribution, processors asked of a series, every
// release of a multi-part question, end-of-life questions that cite a year.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { codenameBeside } from '../../src/core/answers/build.js';
import { identifyCpu } from '../../src/core/cpu-family.js';
import { readIntent } from '../../src/core/intent.js';
import { LEVELS } from '../../src/core/levels.js';
import { today } from '../../src/core/clock.js';
import { frameOf } from '../../src/core/question/frame.js';
import { scanMentions } from '../../src/core/question/mentions.js';
import { CPU_FAMILY_EXAMPLES } from '../fixtures/cpu-family-examples.js';

const c = catalog();
const mentions = (text: string) => scanMentions(c, text).mentions;
const rank = (l: string) => LEVELS.indexOf(l as (typeof LEVELS)[number]);
/** Releases with a plain number for a version ("9", "24.04 LTS"), as people type them after the name. */
const numbered = c.distros.flatMap((d) => d.releases.filter((r) => /^\d+(\.\d+)?( LTS)?$/.test(r.version)).map((r) => ({ d, r })));

describe('a "cpu" glued to a model number is a word of its own', () => {
  const models = CPU_FAMILY_EXAMPLES.filter(
    ([typed, id]) => /[0-9A-Za-z]$/.test(typed) && !/^(qemu|proxmox)-/.test(id) && /\d/.test(typed) && !/cpu|ghz/i.test(typed),
  );
  test.each(models.map((e) => [e[0], e] as const))('%scpu', (_t, [typed, id]) => {
    for (const glued of [`${typed}cpu`, `${typed}CPU也不行`]) {
      const m = identifyCpu(c, `my ${glued} crashes`);
      expect(m?.family.rule.id, glued).toBe(id);
      expect(m!.typed).not.toMatch(/cpu/i); // the model, without the word glued to it
    }
  });
});

describe('refusals in other languages name the feature and its level', () => {
  test.each([
    ['AVX命令をサポートしていないCPUでは動きません', 'AVX'],
    ['我的处理器不支持AVX2指令集', 'AVX2'],
    ['CPU 不支援 SSE4.2', 'SSE4.2'],
    ['AVX2를 지원하지 않는 프로세서', 'AVX2'],
    ['процессор не поддерживает инструкции AVX', 'AVX'],
    ['mi procesador no soporta las instrucciones AVX2', 'AVX2'],
    ['o processador não suporta AVX', 'AVX'],
    ['mon processeur ne prend pas en charge AVX2', 'AVX2'],
    ['meine CPU unterstützt kein AVX-512', 'AVX-512'],
  ])('%j', (text, feature) => {
    const [error] = mentions(text).errors;
    expect(error?.kind).toBe('runtime-refuses');
    expect(error?.feature?.replace(/[._]/, '.')).toBe(feature.toUpperCase());
    const a = ask(text);
    expect(a.kind).toBe('triage');
    expect(a.text).toContain(feature === 'SSE4.2' ? 'x86-64-v2' : feature === 'AVX-512' ? 'x86-64-v4' : 'x86-64-v3');
  });

  test('a refusal that names only the feature, in English, ends in a full stop', () => {
    expect(mentions('my cpu does not support AVX.').errors[0]?.feature).toBe('AVX');
  });
});

describe('an illegal instruction names the features most often behind it', () => {
  test.each(['Illegal instruction (core dumped)', 'the job died: SIGILL', 'python3 -c "import torch" -> illegal hardware instruction'])('%j', (text) => {
    const a = ask(text);
    expect(a.kind).toBe('triage');
    expect(a.summary).toMatch(/AVX, AVX2 or AVX-512/);
    // no level in the first sentence: the CPU it ran on decides that, not the message
    expect(a.summary).not.toMatch(/x86-64-v\d/);
    expect(a.text).toContain('x86-64-v3');
  });
});

describe('a number assigned in a pasted log is a variable, not a size', () => {
  const short = [...new Set(c.series.flatMap((s) => s.record.sizes.map((z) => z.name.replace(/^Standard_/, ''))))].filter((n) => /^[A-Z]{1,2}\d{1,3}$/.test(n));
  test('there are bare size names to walk', () => {
    expect(short.length).toBeGreaterThan(5);
  });
  test.each(short)('%s = 2', (name) => {
    expect(frameOf(c, `model_load: ${name.toLowerCase()}     = 2\nIllegal instruction`).targets).toEqual([]);
    expect(frameOf(c, `${name.toLowerCase()}=1 ${name.toLowerCase()} = 0x1f`).targets).toEqual([]);
    // the same name as a question is still the size
    expect(frameOf(c, `what CPU does ${name} have?`).targets.map((t) => t.label)).toContain(`Standard_${name}`);
  });
});

describe('a bare number right after another product’s name is that product’s version', () => {
  const bare = [...c.releaseByVersion.keys()].filter((v) => /^\d+\.\d+$/.test(v));
  test('there are bare release numbers to walk', () => {
    expect(bare.length).toBeGreaterThan(0);
  });
  test.each(bare)('%s', (v) => {
    const ref = c.releaseByVersion.get(v)!;
    expect(frameOf(c, `Intel Turbo Boost Technology ${v} on Dv3`).e.releases).toEqual([]);
    expect(frameOf(c, `we built it with Python ${v}`).e.releases).toEqual([]);
    expect(frameOf(c, `can I upgrade to ${v}?`).e.releases.map((r) => r.release)).toEqual([ref.release]);
    // after a verb the number is still the release
    expect(frameOf(c, `when will ${v} reach end of life?`).e.releases.map((r) => r.release)).toEqual([ref.release]);
    expect(frameOf(c, `does ${v} need x86-64-v2?`).e.releases.map((r) => r.release)).toEqual([ref.release]);
  });
});

describe('another cloud named beside a distribution', () => {
  test.each(numbered.filter(({ d }) => d.id !== 'amazon-linux').map(({ d, r }) => [`${d.name} ${r.version}`, d.id] as const))('%s', (name, id) => {
    // named only by name: the distribution is the question, the cloud an aside
    const a = ask(`what is ${name} based on? we run it on AWS and OCI`);
    expect(['lineage', 'distro'], a.summary).toContain(a.kind);
    expect(a.kind !== 'out-of-scope' && 'distro' in a && a.distro).toBe(id);
    expect(a.caveats.join(' ')).toMatch(/AWS.*outside what I cover/);
    // its machines asked about: declined, with what the bot can say
    expect(ask(`does ${name} run on AWS c5a machines?`).kind).toBe('out-of-scope');
    expect(ask(`does ${name} run on AWS m5.large?`).kind).toBe('out-of-scope');
  });

  test.each(['Hetzner CX22', 'a DigitalOcean droplet', 'Linode', 'Vultr', 'OVHcloud', 'Scaleway'])('%s is another hosting provider', (where) => {
    const a = ask(`which CPU does ${where} have?`);
    expect(a.kind).toBe('out-of-scope');
    expect(a.summary).toContain('Azure');
  });

  test.each(['hackintosh on an i7-8700K', 'OpenCore on a Xeon E5-2680 v2', 'MacPro6,1', 'iMac14,2 crashes'])('%s is not x86 Linux', (text) => {
    expect(ask(text).kind).toBe('out-of-scope');
  });

  test('"AMD-based" names hardware, "Debian-based" an upstream', () => {
    expect(readIntent('are the amd-based dasv5 sizes fine?').asks.has('upstream')).toBe(false);
    expect(readIntent('intel based machines').asks.has('upstream')).toBe(false);
    expect(readIntent('is mint debian-based?').asks.has('upstream')).toBe(true);
    expect(readIntent('what is it based on?').asks.has('upstream')).toBe(true);
  });

  test('a price word beside two distributions compared: the comparison, the price an aside', () => {
    const a = ask('is rocky 9 worth the cost over alma 9?');
    expect(a.kind).toBe('compare');
    expect(a.caveats.join(' ')).toMatch(/prices and quotas: outside/i);
    expect(ask('how much does rhel 9 cost?').kind).toBe('out-of-scope');
  });
});

describe('a series asked for its processors names each one with its codename and level', () => {
  const withCpus = c.series.filter((s) => s.cpus.length > 0 && s.record.arch === 'x64');
  test.each(withCpus.map((s) => [s.record.series, s] as const))('%s', (name, s) => {
    const a = ask(`which processors does the ${name} series run on?`);
    if (a.kind !== 'series') return; // names shared with a size or a distro are answered as those
    for (const cpu of s.cpus) {
      expect(a.summary).toContain(
        `${cpu.model.model} (${codenameBeside(cpu.model.model, cpu.model.codename) ?? ''}${codenameBeside(cpu.model.model, cpu.model.codename) ? ', ' : ''}${cpu.level ?? 'below x86-64-v1'})`,
      );
    }
    // one processor: its level is the guarantee, said once; several: the guarantee follows them
    if (s.cpus.length > 1) expect(a.summary).toContain(`guarantees ${s.guaranteed}`);
  });

  test('two series compared for their processors name both sides’ processors', () => {
    const a = ask('Ebsv5 vs Ebdsv5: which processors?');
    expect(a.kind).toBe('compare');
    for (const label of ['Ebsv5', 'Ebdsv5']) {
      const s = c.series.find((x) => x.record.series === label)!;
      for (const cpu of s.cpus) expect(a.summary).toContain(cpu.model.codename);
    }
  });
});

describe('every release of a multi-part question is answered', () => {
  const pairs = c.distros.flatMap((d) => {
    const rs = d.releases.filter((r) => /^\d+$/.test(r.version) && (r.azureImageBaseline ?? r.x86_64Baseline));
    return rs
      .slice(1)
      .map((r, i) => ({ d, from: rs[i + 1] ?? r, to: rs[i]! }))
      .filter((p) => p.from !== p.to);
  });
  test('there are pairs of releases to walk', () => {
    expect(pairs.length).toBeGreaterThan(5);
  });
  test.each(pairs.map((p) => [`${p.d.name} ${p.from.version} -> ${p.to.version}`, p] as const))('on kvm64: %s', (_n, { d, from, to }) => {
    const a = ask(`moving a kvm64 guest from ${d.name} ${from.version} to ${d.name} ${to.version}, will both boot?`);
    expect(a.kind).toBe('triage');
    for (const r of [from, to]) {
      const need = (r.azureImageBaseline ?? r.x86_64Baseline)!;
      const said = new RegExp(`${d.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${r.version} needs (only )?${need}`);
      expect(a.summary, `${d.name} ${r.version}`).toMatch(said);
    }
  });

  test.each(numbered.filter(({ r }) => r.x86_64Baseline).map(({ d, r }) => [`${d.name} ${r.version}`, r.azureImageBaseline ?? r.x86_64Baseline!] as const))(
    'a CPU without AVX, asked of Debian 12 and %s',
    (name, need) => {
      const a = ask(`does Debian 12 or ${name} run on a CPU without AVX?`);
      if (a.kind !== 'distro') return; // a name shared by two distributions is asked which
      const line = a.summary.split(/(?<=\.)\s+(?=Yes|No)/).find((l) => l.includes(name));
      expect(line, a.summary).toBeDefined();
      expect(line!).toMatch(rank(need) < rank('x86-64-v3') ? /^Yes/ : /^(No|Yes, with its separate)/);
      expect(a.summary).toMatch(/^Yes — Debian GNU\/Linux 12 needs x86-64-v1/);
    },
  );
});

describe('end of life', () => {
  const several = c.distros.filter((d) => d.releases.filter((r) => r.eol).length >= 2 && d.releases.every((r) => /^\d+(\.\d+)?( LTS)?$/.test(r.version)));
  test.each(several.map((d) => [d.name, d] as const))('%s: one release asked, the others listed with their dates', (_n, d) => {
    const r = d.releases[d.releases.length - 1]!;
    const a = ask(`when does ${d.name} ${r.version} reach end of life?`);
    expect(a.kind).toBe('distro');
    for (const other of d.releases.filter((x) => x !== r && x.eol)) expect(a.text).toContain(other.eol!);
  });

  test.each(
    several.flatMap((d) =>
      d.releases
        .filter((r) => r.eol && d.releases.filter((x) => x.eol?.slice(0, 4) === r.eol!.slice(0, 4)).length === 1)
        .map((r) => [d.name, r.eol!.slice(0, 4), r.version] as const),
    ),
  )('%s supported until %s: release %s', (name, year, version) => {
    const a = ask(`the wiki says ${name} is supported until ${year}, which release is that?`);
    expect(a.kind === 'distro' && a.release).toBe(version);
  });
});

describe('"does it run" asked in other languages gets the run verdict, not the release’s need', () => {
  const forms = [
    (name: string, level: string) => `${name} は ${level} の CPU で動きますか`,
    (name: string, level: string) => `${name} 能在 ${level} 的处理器上运行吗？`,
    (name: string, level: string) => `¿funciona ${name} en un procesador ${level}?`,
    (name: string, level: string) => `${name} ${level} CPU에서 실행되나요?`,
  ];
  const rows = numbered
    .filter(({ r }) => r.x86_64Baseline)
    .flatMap(({ d, r }) => LEVELS.map((level) => [`${d.name} ${r.version}`, level, (r.azureImageBaseline ?? r.x86_64Baseline)!, r.altBuildBaseline] as const));
  test.each(rows)('%s on %s', (name, level, need, alt) => {
    for (const form of forms) {
      const a = ask(form(name, level));
      if (a.kind !== 'distro') continue; // a name two distributions share is asked which
      const fits = rank(need) <= rank(level);
      const altFits = alt !== null && rank(alt) <= rank(level);
      expect(a.summary, form(name, level)).toMatch(fits ? /^Yes — / : altFits ? /^Yes, with its separate/ : /^No — /);
    }
  });
});

describe('a release asked for its Hyper-V generations', () => {
  test.each(numbered.map(({ d, r }) => [`${d.name} ${r.version}`, r.azureImageGenerations ?? null] as const))('%s', (name, gens) => {
    for (const g of [1, 2]) {
      const a = ask(`does ${name} support Gen ${g} VMs?`);
      if (a.kind !== 'distro') continue;
      expect(a.summary, `${name} gen ${g}`).toMatch(!gens?.length ? /^Not stated/ : gens.includes(g as 1 | 2) ? /^Yes — / : /^No — /);
    }
  });
});

describe('which sizes cannot run a release', () => {
  test.each(numbered.filter(({ r }) => r.x86_64Baseline).map(({ d, r }) => [`${d.name} ${r.version}`, d.id, r.version] as const))('%s', (name, id, version) => {
    const a = ask(`which sizes can't run ${name}?`);
    if (a.kind !== 'level') return;
    expect(a.summary).toMatch(/^\d+ current series cannot run/);
    for (const series of a.series.slice(0, 5)) {
      const one = ask(`/azlinux compat ${series} ${id} ${version}`);
      expect(one.kind === 'compat' && one.verdict, `${series} ${name}`).toBe('no');
    }
    const can = ask(`which sizes can run ${name}?`);
    expect(can.kind === 'level' && can.series.some((s) => a.series.includes(s))).toBe(false);
  });
});

test('why a release needs its level: the answer, then the reasons the sources give', () => {
  const a = ask('Why does RHEL 10 require x86-64-v3?');
  expect(a.summary).toMatch(/^Red Hat Enterprise Linux 10 needs x86-64-v3\. \S/);
  expect(a.summary.length).toBeGreaterThan('Red Hat Enterprise Linux 10 needs x86-64-v3.'.length + 20);
});

describe('triage against what the machine is', () => {
  const virtual = c.cpuFamilies.families.filter((f) => f.rule.kind === 'virtual-cpu' && f.level && !/^qemu-(kvm|qemu)64$/.test(f.rule.id));
  test('there are virtual CPU types with their own level to walk', () => {
    expect(virtual.length).toBeGreaterThan(0);
  });
  test.each(numbered.filter(({ r }) => r.x86_64Baseline).map(({ d, r }) => [`${d.name} ${r.version}`, (r.azureImageBaseline ?? r.x86_64Baseline)!] as const))(
    '%s',
    (name, need) => {
      for (const v of virtual) {
        const typed = new RegExp(v.rule.pattern, 'i').exec('x86-64-v2-AES kvm64 qemu64')?.[0] ?? v.rule.model;
        const a = ask(`proxmox cpu type ${typed}, will ${name} install?`);
        expect(a.kind).toBe('triage');
        expect(a.summary).toMatch(
          rank(need) <= rank(v.level!) ? new RegExp(`needs ${need}, which the .* CPU type provides`) : /cannot run until the CPU type is changed/,
        );
      }
      // hosts named by codename: no CPU type can give the guest more than the host has
      const b = ask(`${name} fails to boot on our esxi cluster with Westmere hosts`);
      expect(b.summary).toMatch(
        rank(need) <= rank('x86-64-v2')
          ? /runs as long as the VM's CPU type passes those features through/
          : /no CPU type setting can give the guest more than its host has/,
      );
    },
  );

  test.each([
    ['sse4_2 popcnt', 'x86-64-v2'],
    ['avx2 bmi2 movbe', 'x86-64-v3'],
    ['cx16 avx512f', 'x86-64-v4'],
  ])('a kernel that lists the features it misses (%s) names their level', (flags, level) => {
    const [error] = mentions(`This kernel requires the following features not present on the CPU: ${flags}`).errors;
    expect(error?.kind).toBe('kernel-refuses');
    expect(error?.level).toBe(level);
  });
});

describe('sizes asked of a processor or codename', () => {
  // placeholders ("AMD EPYC 3rd Gen (Milan) - model not stated") are read as their codename, which names several parts
  test.each([...c.cpus.values()].filter((x) => x.model.arch === 'x64' && !/model not stated/.test(x.model.model)).map((x) => [x.model.model, x] as const))(
    'which series run on %s',
    (model, cpu) => {
      const a = ask(`which Azure sizes run on the ${model}?`);
      if (a.kind !== 'cpu') return; // a model a series shares its name with
      const current = c.series.filter((s) => s.record.retirement?.status !== 'retired' && s.cpus.includes(cpu));
      expect(a.summary).toContain(current.length ? `${current.length} current Azure series may land on` : 'No current Azure series documents');
      for (const s of current.slice(0, 15)) expect(a.summary).toContain(s.record.series);
    },
  );
});

test('"v2 or v1?" asks which, so the answer does not open with yes or no', () => {
  for (const { d, r } of numbered.filter(({ r }) => r.x86_64Baseline)) {
    const a = ask(`is ${d.name} ${r.version} x86-64-v2 or x86-64-v1?`);
    if (a.kind !== 'distro') continue;
    expect(a.summary, `${d.name} ${r.version}`).not.toMatch(/^(Yes|No)\b/);
    expect(a.summary).toContain((r.azureImageBaseline ?? r.x86_64Baseline)!);
  }
});

describe('a level list for one vendor', () => {
  test.each((['AMD', 'Intel'] as const).flatMap((vendor) => LEVELS.slice(1).map((level) => [vendor, level] as const)))(
    '%s series that guarantee %s',
    (vendor, level) => {
      const a = ask(`which ${vendor} sizes guarantee ${level}?`);
      expect(a.kind).toBe('level');
      if (a.kind !== 'level') return;
      const expected = c.series.filter(
        (s) =>
          s.guaranteed &&
          s.record.retirement?.status !== 'retired' &&
          s.cpus.length &&
          s.cpus.every((x) => x.model.vendor === vendor) &&
          rank(s.guaranteed) >= rank(level),
      );
      expect([...a.series].sort()).toEqual(expected.map((s) => s.record.series).sort());
      expect(a.summary).toContain(vendor);
    },
  );
});

describe('what is asked, in other languages', () => {
  test.each(numbered.filter(({ r }) => r.x86_64Baseline).map(({ d, r }) => [`${d.name} ${r.version}`, (r.azureImageBaseline ?? r.x86_64Baseline)!] as const))(
    '%s: its need, its upstream',
    (name, need) => {
      for (const q of [`请问 ${name} 最低需要什么 CPU？`, `${name} の最低要件は？`, `минимальные требования ${name}`]) {
        const a = ask(q);
        if (a.kind !== 'distro') continue;
        expect(a.summary, q).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}('s Azure images)? needs? .*${need}`));
      }
      for (const q of [`${name} 基于什么发行版？`, `¿En qué está basado ${name}?`, `${name} はどのディストリビューションがベースですか`]) {
        const a = ask(q);
        expect(['lineage', 'clarify'], q).toContain(a.kind);
      }
    },
  );
});

test.each(['Can I run Ubuntu 24.04 on a Raspberry Pi 5?', 'jetson nano with rhel 9', 'Does an Orange Pi run Debian 13?'])(
  '%j: a single-board computer is declined',
  (q) => {
    const a = ask(q);
    expect(a.kind).toBe('out-of-scope');
    expect(a.summary).toContain('Azure');
  },
);

test.each(c.distros.filter((d) => d.releases.some((r) => r.x86_64Baseline)).map((d) => [d.name, d] as const))(
  '%s: a release the data does not hold, asked its level, gets the known releases’ needs',
  (name, d) => {
    const a = ask(`does ${name} 99.9 need x86-64-v2?`);
    if (a.kind !== 'not-found') return; // a name shared by two distributions is asked which
    for (const r of d.releases.slice(0, 3).filter((x) => x.x86_64Baseline))
      expect(a.summary).toContain(`${name} ${r.version} needs ${r.azureImageBaseline ?? r.x86_64Baseline}`);
  },
);

describe('virtual CPUs by the names the guest shows', () => {
  test.each([
    ["lscpu says 'Model name: Common KVM processor'", 'kvm64'],
    ['model name : QEMU Virtual CPU version 2.5+', 'qemu64'],
  ])('%j is %s', (text, model) => {
    const m = identifyCpu(c, text);
    expect(m?.family.rule.kind).toBe('virtual-cpu');
    expect(m?.model.toLowerCase()).toContain(model);
  });
  test('Hyper-V processor compatibility, however it is worded', () => {
    expect(mentions('with processor compatibility turned on').virtualCpus).toContain('Hyper-V processor compatibility mode');
  });
});

test.each(
  c.series
    .filter((s) => s.guaranteed && s.record.arch === 'x64' && s.record.sizes.length)
    .slice(0, 60)
    .map((s) => [s.record.sizes[0]!.name, s.guaranteed!] as const),
)('a refusal on %s: a size whose hosts all have the feature says the guest is hiding it', (size, guaranteed) => {
  const a = ask(`MongoDB: 'requires a CPU with AVX support' on ${size}`);
  expect(a.kind).toBe('triage');
  if (rank(guaranteed) >= rank('x86-64-v3')) expect(a.summary).toMatch(/being hidden from this guest/);
  else expect(a.summary).not.toMatch(/being hidden from this guest/);
});

describe('releases and builds', () => {
  test.each(c.distros.filter((d) => d.releases.length >= 2).map((d) => [d.name, d] as const))('which %s releases are still supported?', (name, d) => {
    const a = ask(`which ${name} releases are still supported?`);
    if (a.kind !== 'releases') return; // a name two distributions share
    expect(a.summary).toMatch(/releases still supported: /);
    // every release with an end-of-life date is placed on the right side of today
    const [live, ended = ''] = a.summary.split('; ended: ');
    const now = today();
    for (const r of d.releases.filter((x) => x.eol && x.status === 'ga')) {
      const last = r.extendedSupport?.until ?? r.eol!;
      const side = last < now ? ended : live!;
      expect(side, `${name} ${r.version}`).toContain(r.version);
    }
  });

  test.each(numbered.filter(({ r }) => r.x86_64Baseline).map(({ d, r }) => [`${d.name} ${r.version}`, r] as const))(
    'is there an x86-64-v2 build of %s?',
    (name, r) => {
      const a = ask(`is there an x86-64-v2 build of ${name}?`);
      if (a.kind !== 'distro') return;
      const need = r.azureImageBaseline ?? r.x86_64Baseline;
      expect(a.summary).toMatch(r.altBuildBaseline === 'x86-64-v2' || need === 'x86-64-v2' ? /^Yes — / : /^No — /);
    },
  );

  test.each(['Is CentOS 8 still getting updates?', 'is rhel 8 still receiving security updates?'])('%j asks the end of life', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('distro');
    expect(a.summary).toMatch(/^(Yes|No) — /);
    expect(a.summary).toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

test.each(['upstream', 'downstream', 'mainstream', 'jetstream', 'unbuntu'])(
  '%j is not read as a mistyped distribution unless it keeps the first letter',
  (word) => {
    const f = frameOf(c, `what is its ${word}?`);
    if (word === 'unbuntu') expect(f.e.corrections.map((x) => x.meant)).toEqual(['Ubuntu']);
    else expect(f.e.corrections).toEqual([]);
  },
);

test.each(LEVELS.slice(1).map((l, i) => [l, LEVELS[i]!] as const))(
  'a kernel that says "%s required, CPU has only %s" is a refusal of that level; a question about it is not',
  (need, has) => {
    const [error] = mentions(`x86/cpu: ${need} required, CPU has only ${has}`).errors;
    expect(error?.kind).toBe('kernel-refuses');
    expect(error?.level).toBe(need);
    expect(mentions(`Is ${need} required for Azure Linux 4?`).errors).toEqual([]);
  },
);

test.each(
  c.series
    .filter((s) => s.guaranteed && s.best && s.record.arch === 'x64' && s.record.sizes.length && rank(s.best) > rank(s.guaranteed))
    .map((s) => [s.record.sizes[0]!.name, s.guaranteed!, s.best!] as const),
)('an illegal instruction on %s, whose hosts range from %s to %s, names the better hosts’ features', (size, guaranteed, best) => {
  const a = ask(`our service dies with SIGILL (status=132) on ${size}`);
  expect(a.kind).toBe('triage');
  expect(a.summary).toContain(`guarantees ${guaranteed}, but only some of its hosts reach ${best}`);
});
