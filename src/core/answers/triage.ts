// Crash messages and "how do I check": what an x86-64 level error means, what the level needs, why
// a virtual machine can fall short of its host, and how to check from inside the machine.
import type { Answer, Section, Source, Verdict } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { LevelName } from '../../data/schema.js';
import { levelRank, LEVELS, normaliseFlag } from '../levels.js';
import type { PastedError } from '../question/mentions.js';
import { listOf } from '../text.js';
import { fact, finish, uniqueSources } from './build.js';
import { HOW_TO_CHECK } from './cpu-family.js';

export { HOW_TO_CHECK };

/** QEMU's generic models: what they lack, so what a guest using them cannot run. */
/** QEMU's generic models, from their feature lists in src/data/cpu-families.json: what they lack, and the level left. */
function qemuGeneric(catalog: Catalog): { line: string; sources: Source[] } | null {
  const models = catalog.cpuFamilies.families.filter((f) => /^qemu-(kvm|qemu)64$/.test(f.rule.id) && f.level);
  if (!models.length) return null;
  const missing = models[0]!.missingForNext.filter((flag) => models.every((m) => m.missingForNext.includes(flag))); // what both lack
  const level = models.map((m) => m.level!).sort((a, b) => levelRank(a) - levelRank(b))[0]!;
  const next = LEVELS[levelRank(level)];
  return {
    line: `QEMU/KVM’s generic CPU models ${listOf(models.map((m) => m.rule.model.replace(/^QEMU /, '')))} stop at ${level}: they lack ${missing.join(', ')}${next ? ` (${next} features)` : ''}${levelRank(level) < levelRank('x86-64-v3') ? ', and so the AVX and AVX2 of x86-64-v3 too' : ''}. Set the CPU type to \`host\` (libvirt \`host-passthrough\`) or a named model the host supports.`,
    sources: models[0]!.rule.sources,
  };
}

const VIRTUAL_CPU_LINES = [
  'The host operating system does not matter: the check is made by the software inside the machine (glibc’s loader at start-up, or the kernel) against the CPU features that machine sees.',
  'Virtual CPU types commonly hide features from the guest: QEMU/KVM’s generic models (kvm64, qemu64), VirtualBox, and Hyper-V’s processor compatibility mode expose an older feature set than the host has. Use the host CPU model (`-cpu host`, libvirt `host-passthrough`) or turn compatibility mode off, then check again.',
];

export interface TriageInput {
  error?: PastedError;
  virtualCpus: string[];
  /** the level the message or question names (said in the first sentence) */
  level: LevelName | null;
  /** the level the failing software needs: the message's, else the named release's (explained in the body) */
  required: LevelName | null;
  /** a verdict for what was named with the error ("… on Rocky 10") */
  verdict?: { verdict: Verdict | null; line: string } | null;
  /** extra lines to show first (the named distro's need, a size's guarantee) */
  context?: string[];
  notUnderstood?: string[];
  /** "how do I check whether my CPU supports x86-64-v2?": how to read it on the machine, said first */
  howToCheck?: boolean;
  /** "my CPU doesn't have AVX": the feature the asker's CPU lacks */
  lacks?: { typed: string; level: LevelName /** a crash or failure is reported with it */; failing?: boolean };
}

/** How to read a machine's level on the machine itself: glibc's loader, or the flags line, with the level's flags. */
function howToCheckLine(catalog: Catalog, level: LevelName | null): string {
  const target = level && levelRank(level) >= 2 ? level : null;
  const flags = target
    ? catalog.levels.levels.filter((l) => levelRank(l.level) >= 2 && levelRank(l.level) <= levelRank(target)).flatMap((l) => l.cpuinfoFlags)
    : [];
  return target
    ? `To check whether a CPU supports ${target}, run \`/lib64/ld-linux-x86-64.so.2 --help\` on it (glibc 2.33 or newer): it does when the glibc-hwcaps line reads \`${target} (supported, searched)\`. Or read the flags line of /proc/cpuinfo (\`grep -m1 ^flags /proc/cpuinfo\`): ${target} needs ${flags.join(', ')}.`
    : 'To know a machine’s x86-64 level, run `/lib64/ld-linux-x86-64.so.2 --help` on it (glibc 2.33 or newer): the `x86-64-vN (supported, searched)` lines are the levels it reaches. Or read the flags line of /proc/cpuinfo (`grep -m1 ^flags /proc/cpuinfo`) and paste it here.';
}

/** Flags a level needs, step by step from v2 up to it. */
export function levelNeeds(catalog: Catalog, level: LevelName): Section {
  const steps = catalog.levels.levels.filter((l) => levelRank(l.level) >= 2 && levelRank(l.level) <= levelRank(level));
  return {
    title: `What ${level} needs (levels are cumulative)`,
    lines: steps.map((s) => `${s.level}: ${s.cpuinfoFlags.join(' ')}`),
  };
}

export function triageAnswer(catalog: Catalog, query: string, t: TriageInput): Answer {
  const level = t.error?.level ?? t.level;
  const explained = level ?? t.required;
  const rank = level ? levelRank(level) : 0;
  const step = level ? catalog.levels.levels.find((l) => l.level === level) : undefined;
  const below = rank > 1 ? LEVELS[rank - 2] : undefined;
  let summary: string;
  if (t.error?.kind === 'glibc-level' || t.error?.kind === 'kernel-refuses' || t.error?.kind === 'runtime-refuses') {
    const who = {
      'glibc-level': 'glibc (built for that level) stopped the program at start-up',
      'kernel-refuses': 'the kernel or boot loader refused the CPU',
      'runtime-refuses': 'the program checked the CPU at start and refused to run',
    }[t.error.kind];
    summary =
      t.error.feature === '64-bit mode'
        ? `It means the CPU this machine sees has no 64-bit mode (long mode, the lm flag): a 32-bit CPU, or a virtual machine set up as 32-bit, so ${who}.`
        : t.error.feature && level
          ? `It means the CPU this machine sees lacks ${t.error.feature} (one of the ${level} features), so ${who}.`
          : level
            ? `It means the CPU this machine sees lacks features of ${level} (${step!.cpuinfoFlags.join(', ')} on top of ${below ?? 'the base'}), so ${who}.`
            : `It means the CPU this machine sees lacks an x86-64 level the system was built for, so ${who}.`;
  } else if (t.error?.kind === 'illegal-instruction') {
    summary = `“Illegal instruction” at start means the program uses an instruction the CPU this machine sees does not have — most often AVX, AVX2 or AVX-512 in a build for a newer CPU than this one, or a virtual CPU that hides them.`;
  } else if (t.lacks) {
    const r = levelRank(t.lacks.level);
    const most = LEVELS[r - 2];
    const feature = /^(x86[-_]?v?64[-_]?)?v\d$/i.test(t.lacks.typed) ? t.lacks.level : `${t.lacks.typed.toUpperCase()} (an ${t.lacks.level} feature)`;
    summary = most
      ? `A CPU without ${feature} is at most ${most}: software built for ${t.lacks.level} or higher will not run on it, software built for ${most} or lower will.`
      : `A CPU without ${feature} is not an x86-64 CPU at all.`;
    // "… lack AVX, the app crashes": the missing feature is the likely cause, said first, and how to see it
    if (t.lacks.failing && most) {
      const flag = normaliseFlag(t.lacks.typed.replace(/\s/g, ''), catalog.levels);
      const look = catalog.levelFlags.has(flag) ? `look for ${flag} in the flags line of /proc/cpuinfo` : 'read the flags line of /proc/cpuinfo';
      summary = `The likely cause is the missing ${feature}: a build that uses it stops with an illegal instruction on a CPU without it. ${summary} To check a machine, ${look}, or run \`ld.so --help\`.`;
    }
  } else if (t.howToCheck) {
    // then what each release named needs ("Red Hat Enterprise Linux 10 needs x86-64-v3.")
    summary = [howToCheckLine(catalog, explained), ...(t.context ?? [])].join(' ');
  } else if (t.virtualCpus.length) {
    const qemu = t.virtualCpus.some((v) => /kvm64|qemu64|QEMU/.test(v));
    const qemu_ = qemu ? qemuGeneric(catalog) : null;
    summary = t.verdict
      ? qemu
        ? (qemu_?.line ?? `${listOf(t.virtualCpus)} can hide CPU features from the guest.`)
        : `${listOf(t.virtualCpus)} can hide CPU features from the guest.`
      : `${listOf(t.virtualCpus)} can hide CPU features from the guest, so the guest may be below the host's x86-64 level${level ? ` (${level} needs ${step!.cpuinfoFlags.join(', ')})` : ''}.${qemu && qemu_ ? ` ${qemu_.line}` : ''}`;
  } else {
    summary = `To know a machine's x86-64 level, ask the machine: \`ld.so --help\` lists the glibc-hwcaps levels it supports.`;
  }
  // how to check comes first when it is what was asked; a verdict or the level's context follows it
  if (t.verdict) summary = t.howToCheck && !t.error && !t.lacks ? `${summary} ${t.verdict.line}` : `${t.verdict.line} ${summary}`;
  const sections: Section[] = [];
  if (t.context?.length) sections.push({ title: 'What you named', lines: t.context });
  if (explained && levelRank(explained) >= 2) sections.push(levelNeeds(catalog, explained));
  const generic = qemuGeneric(catalog);
  const avx =
    t.error?.kind === 'illegal-instruction'
      ? ['AVX, AVX2, FMA and BMI2 are x86-64-v3 features and AVX-512 an x86-64-v4 one: a build for either level stops this way on a CPU without them.']
      : [];
  sections.push({ title: 'Why it happens', lines: [...avx, ...VIRTUAL_CPU_LINES, ...(generic ? [generic.line] : [])] });
  sections.push({ title: 'How to check inside the machine', lines: HOW_TO_CHECK });
  const caveats = t.notUnderstood?.length ? [`Not understood: ${t.notUnderstood.map((w) => `“${w}”`).join(', ')}.`] : [];
  return finish({
    kind: 'triage',
    query,
    title: t.error
      ? `Error: ${t.error.typed.slice(0, 80)}`
      : t.virtualCpus.length
        ? 'Virtual CPU models and x86-64 levels'
        : 'Checking a machine’s x86-64 level',
    summary,
    required: explained,
    needs: explained && levelRank(explained) >= 2 ? catalog.levels.levels.find((l) => l.level === explained)!.cpuinfoFlags : [],
    verdict: t.verdict?.verdict ?? null,
    facts: [...fact('Needs', explained), ...fact('Verdict', t.verdict?.verdict)],
    sections,
    caveats,
    sources: uniqueSources(catalog.levels.sources.slice(0, 2), qemuGeneric(catalog)?.sources ?? []),
    context: { topic: 'triage', ...(explained ? { level: explained } : {}) },
  });
}
