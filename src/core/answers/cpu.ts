// Answers about CPU models, pasted flags and `ld.so --help` output.
import type { Answer } from '../answer.js';
import type { Catalog, CpuInfo } from '../catalog.js';
import type { LevelName } from '../../data/schema.js';
import { levelOfFlags, LEVELS } from '../levels.js';
import { echo } from '../text.js';
import { fact, finish, levelSources, uniqueSources, withCodename } from './build.js';

export function cpuAnswer(catalog: Catalog, query: string, cpu: CpuInfo): Answer {
  const m = cpu.model;
  const series = catalog.series.filter((s) => s.cpus.includes(cpu)).map((s) => s.record.series);
  const arm = m.arch === 'Arm64';
  const next = cpu.level ? LEVELS[LEVELS.indexOf(cpu.level) + 1] : undefined;
  return finish({
    kind: 'cpu',
    query,
    title: m.model,
    summary: arm
      ? `${m.model} is an Arm64 processor (${m.armArch ?? 'Arm'}, ${m.codename}): x86-64 levels do not apply.`
      : `${withCodename(m.model, m.codename)} is ${cpu.level ?? 'below x86-64-v1'}.`,
    processor: m.model,
    arch: m.arch,
    level: cpu.level,
    facts: [
      ...fact('Vendor', m.vendor),
      ...fact('Codename', m.codename),
      ...fact('Microarchitecture', `${m.microarchitecture}${m.microarchitectureExact ? '' : ' (nearest archspec node)'}`),
      ...(arm ? fact('Arm architecture', m.armArch) : fact('x86-64 level', cpu.level)),
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a level with a next one always misses something for it, and with none the value is empty and fact() drops it
      ...(next && cpu.missingForNext.length ? fact(`Missing for ${next}`, cpu.missingForNext.join(' ')) : []),
      ...fact('Azure series', series.length ? series.join(', ') : 'none documented'),
    ],
    caveats: [...m.caveats, ...(arm ? [] : ["The level is computed from the processor's feature set; a VM may expose fewer features than its host."])],
    sources: uniqueSources(m.sources, levelSources(catalog)),
    context: { topic: 'cpu', cpu: m.model },
  });
}

/** Several CPU models share a codename ("Milan"): answer for the family when they agree. */
export function codenameAnswer(catalog: Catalog, query: string, typed: string, cpus: CpuInfo[]): Answer {
  if (cpus.length === 1) return cpuAnswer(catalog, query, cpus[0]!);
  const levels = new Set(cpus.map((c) => c.level));
  if (levels.size === 1) {
    const first = cpus[0]!;
    const a = cpuAnswer(catalog, query, first);
    return {
      ...a,
      title: `${first.model.codename}`,
      summary: `Every ${first.model.codename} part Azure documents (${cpus.map((c) => c.model.model).join(', ')}) is ${first.level ?? 'Arm64'}.`,
    };
  }
  return finish({
    kind: 'clarify',
    query,
    title: `Which “${echo(typed)}”?`,
    summary: `“${echo(typed)}” matches several processors with different levels; name one:`,
    choices: cpus.map((c) => c.model.model),
    suggestions: cpus.map((c) => c.model.model),
  });
}

/** A pasted /proc/cpuinfo flags line (or any list of flags). */
export function flagsAnswer(catalog: Catalog, query: string, flags: string[]): Answer {
  const r = levelOfFlags(flags, catalog.levels);
  const next = r.level ? LEVELS[LEVELS.indexOf(r.level) + 1] : 'x86-64-v1';
  return finish({
    kind: 'flags',
    query: query,
    title: 'Level from CPU flags',
    summary: r.level
      ? `These flags make ${r.level}.${next ? ` ${next} also needs: ${r.missingForNext.join(' ')}.` : ' That is the highest level.'}`
      : `These flags do not reach x86-64-v1 (missing: ${r.missingForNext.join(' ')}).`,
    level: r.level,
    missingForNext: r.missingForNext,
    facts: [
      ...fact('Level', r.level ?? 'below x86-64-v1'),
      ...(next ? fact(`Missing for ${next}`, r.missingForNext.join(' ')) : []),
      ...fact('Flags read', flags.length),
    ],
    caveats: [
      'The kernel prints no osxsave flag; xsave stands in for it. glibc also checks that the OS enabled the AVX state, which no flags line shows: `ld.so --help` is the final word.',
      ...(r.level === null || r.level === 'x86-64-v1'
        ? [
            'In a virtual machine these are the features the hypervisor passes through: a virtual CPU type such as kvm64 or qemu64 (or a compatibility mode) shows fewer than the host has.',
          ]
        : []),
    ],
    sources: levelSources(catalog),
  });
}

/** A /proc/cpuinfo "Features" line is an Arm CPU: no x86-64 level applies. */
export function armFlagsAnswer(catalog: Catalog, query: string): Answer {
  return finish({
    kind: 'flags',
    query,
    title: 'Arm CPU features',
    summary: 'That is an Arm64 (aarch64) CPU’s Features line: x86-64 levels do not apply. Check that the distro ships aarch64.',
    level: null,
    missingForNext: [],
    facts: fact('Architecture', 'Arm64 (aarch64)'),
    sources: levelSources(catalog),
  });
}

/** `ld.so --help` output: the glibc-hwcaps subdirectories marked "supported". */
export function ldsoAnswer(catalog: Catalog, query: string, supported: LevelName[]): Answer {
  const level: LevelName = supported.length ? supported[supported.length - 1]! : 'x86-64-v1';
  const next = LEVELS[LEVELS.indexOf(level) + 1];
  const missing = next ? catalog.levels.levels.find((l) => l.level === next)!.cpuinfoFlags : [];
  return finish({
    kind: 'flags',
    query,
    title: 'Level from ld.so --help',
    summary: `glibc on this machine says ${level}${supported.length ? '' : ' (no glibc-hwcaps level is supported)'}.`,
    level,
    missingForNext: missing,
    facts: [...fact('Level', level), ...(next ? fact(`${next} needs`, missing.join(' ')) : [])],
    caveats: [
      'This is what glibc detected at run time inside this machine, after the hypervisor and kernel: the most reliable answer. In a VM, a virtual CPU type such as kvm64 or qemu64 (or a compatibility mode) lowers it below the host’s.',
    ],
    sources: levelSources(catalog),
  });
}

/** A shortened flags list (inxi, lscpu summaries): what it shows, and how to get the whole line. */
export function shortenedFlagsAnswer(catalog: Catalog, query: string, flags: string[]): Answer {
  const shown = catalog.levels.levels
    .filter((l) => l.level !== 'x86-64-v1')
    .map((l) => ({ level: l.level, seen: l.cpuinfoFlags.filter((f) => flags.includes(f)) }));
  return finish({
    kind: 'flags',
    query,
    title: 'A shortened flags list',
    summary:
      'That flags list is shortened (as inxi and lscpu summaries print it): it leaves out flags every x86-64 CPU has, so the level cannot be read from what is missing. Paste the whole line (`grep -m1 ^flags /proc/cpuinfo`) or `ld.so --help` output.',
    level: null,
    missingForNext: [],
    facts: shown.filter((s) => s.seen.length).map((s) => ({ label: `${s.level} flags shown`, value: s.seen.join(' ') })),
    sources: levelSources(catalog),
  });
}

/** "Sandy Bridge", "Zen 2": microarchitectures named by codename, each with its level from archspec's features. */
export function microarchAnswer(
  catalog: Catalog,
  query: string,
  named: Array<{ name: string; level: LevelName | null; node: string; missing: string[] }>,
  lead = '',
): Answer {
  const first = named[0]!;
  const next = (l: LevelName | null) => (l ? LEVELS[LEVELS.indexOf(l) + 1] : undefined);
  // with a lead, which said the first one's level (a lead states it), its sentence gives only the reason
  const said = named
    .map(
      (n, i) =>
        `${lead && i === 0 && n.level ? `archspec’s ${n.node} features give it that level` : `${n.name} is ${n.level ?? 'not 64-bit'} by archspec’s ${n.node} features`}${next(n.level) && n.missing.length ? `; it lacks ${n.missing.join(', ')} for ${next(n.level)}` : ''}`,
    )
    .join('. ');
  const archspec = catalog.levels.sources.filter((s) => /archspec/.test(s.url));
  return finish({
    kind: 'cpu',
    query,
    title: named.map((n) => n.name).join(', '),
    summary: `${lead ? `${lead} ${said.charAt(0).toUpperCase()}${said.slice(1)}` : said}.`,
    processor: first.name,
    arch: 'x64',
    level: first.level,
    facts: [
      ...named.map((n) => ({ label: n.name, value: `${n.level ?? 'no x86-64 level'} (archspec ${n.node})` })),
      ...named.flatMap((n) => {
        const on = catalog.series
          .filter((s) => s.record.retirement?.status !== 'retired' && s.cpus.some((c) => c.model.microarchitecture === n.node))
          .map((s) => s.record.series);
        return on.length
          ? [{ label: `Azure series that may land on ${n.name}`, value: `${on.slice(0, 12).join(', ')}${on.length > 12 ? ` and ${on.length - 12} more` : ''}` }]
          : [];
      }),
    ],
    caveats: [
      'A codename covers many models; laptop and budget parts (Pentium, Celeron, Atom) of the same generation can lack AVX. Name the model, or check inside the machine with `ld.so --help`.',
    ],
    sources: uniqueSources(archspec, levelSources(catalog)),
    context: { topic: 'cpu' },
  });
}
