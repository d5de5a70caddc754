// The triage planner: a pasted error, an illegal instruction, a virtual CPU type or a hypervisor, against what
// the question names — every release, the size, the processor or the hosts — with the verdict each one gets.
import type { Answer, Verdict } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { LevelName } from '../../data/schema.js';
import { judge, summaryReason } from '../answers/compat.js';
import { releaseNeeds } from '../answers/scope.js';
import { triageAnswer } from '../answers/triage.js';
import { levelVerdict } from '../answers/vm.js';
import type { CpuFamilyMatch } from '../cpu-family.js';
import { LEVELS } from '../levels.js';
import { listOf } from '../text.js';
import { distinct, highest, notUnderstood, type Frame, type NamedRelease } from './frame.js';

/** Words of a failure: with a hypervisor named, its default virtual CPU is the first suspect. */
export const FAILURE =
  /\b(fail(s|ed|ing)?|crash(es|ed)?|panic|won'?t (boot|start)|unable to (boot|start)|does not (boot|start)|doesn'?t (boot|start)|error|illegal|not supported|unsupported|doesn'?t support|does not support|stuck|hangs?|problems?|issues?|warning|can'?t run|cannot run|won'?t run)\b/;

/** The first real processor a family rule recognised (virtual CPU models are the triage's business). */
export function processorOf(f: Frame): CpuFamilyMatch | undefined {
  return f.e.mentions.familyCpus.find((m) => m.family.rule.kind === 'processor' && m.family.fixedFeatures);
}

/** The host's level, when the question names its processor or microarchitecture ("on Westmere hosts"). */
export function hostLevel(f: Frame): { name: string; level: LevelName } | null {
  const m = processorOf(f);
  if (m?.family.level) return { name: m.model, level: m.family.level };
  const azure = f.e.cpus.find((c) => c.model.arch === 'x64' && c.level);
  if (azure) return { name: azure.model.model, level: azure.level! };
  const code = f.e.mentions.codenames.find((c) => c.level);
  if (code) return { name: `a ${code.name} host`, level: code.level! };
  const known = f.e.codenames.find((c) => c.cpus.length && c.cpus.every((x) => x.level === c.cpus[0]!.level && x.level));
  return known ? { name: `a ${known.typed} host`, level: known.cpus[0]!.level! } : null;
}

/** Every processor named, by family rule or from Azure's list, with its level: "runs on A, B and C, not on D". */
function processorsNamed(f: Frame): Array<{ name: string; level: LevelName }> {
  const family = f.e.mentions.familyCpus
    .filter((m) => m.family.rule.kind === 'processor' && m.family.level)
    .map((m) => ({ name: `${m.model} (${m.family.rule.codename})`, level: m.family.level! }));
  const azure = f.e.cpus.filter((c) => c.model.arch === 'x64' && c.level).map((c) => ({ name: `${c.model.model} (${c.model.codename})`, level: c.level! }));
  const all = [...family, ...azure];
  return all.filter((x, i) => all.findIndex((y) => y.name === x.name) === i).slice(0, 6);
}

/** The processor line that leads a triage: its level against the level the failing software needs; with several
 * processors named, each one's level, and which of them lack what the software needs. */
export function processorLine(f: Frame, needed: LevelName | null): string {
  const named = processorsNamed(f);
  if (named.length >= 2) {
    const each = named.map((x) => `${x.name} is ${x.level}`).join('; ');
    if (!needed) return `${each}.`;
    const below = named.filter((x) => LEVELS.indexOf(x.level) < LEVELS.indexOf(needed));
    const verdict = !below.length
      ? `All of them have what ${needed} needs.`
      : below.length === named.length
        ? `None of them reaches ${needed}.`
        : `Below the ${needed} the software needs: ${listOf(below.map((x) => x.name))} — the likely cause there.`;
    return `${each}. ${verdict}`;
  }
  const m = processorOf(f);
  const azure = f.e.cpus.find((c) => c.model.arch === 'x64' && c.level);
  const level = m?.family.level ?? azure?.level ?? null;
  if (!level) return '';
  const name = m ? `${m.model} (${m.family.rule.codename}) is ${level}` : `${azure!.model.model} (${azure!.model.codename}) is ${level}`;
  if (!needed) return `${name}.`;
  return LEVELS.indexOf(level) >= LEVELS.indexOf(needed)
    ? `${name}, which has everything ${needed} needs, so the processor itself is not the cause: a virtual CPU type, a compatibility mode or an emulator is hiding features from the software.`
    : `${name}, below the ${needed} the software needs: that is the cause.`;
}

export function triage(catalog: Catalog, query: string, f: Frame): Answer {
  const error = f.e.mentions.errors.find((e) => e.level) ?? f.e.mentions.errors[0];
  const context = releaseNeeds(f.releases);
  let verdict: { verdict: Verdict | null; line: string } | null = null;
  const target = f.targets[0];
  const rel = f.releases[0];
  if (target && rel) {
    const j = judge(target.series, rel.distro, rel.release);
    const hidden =
      j.verdict === 'yes' && error
        ? ' Its hosts have those features, so they are being hidden from this guest (a virtual CPU type or compatibility mode), or the error comes from another machine.'
        : '';
    verdict = {
      verdict: j.verdict,
      line: `${rel.distro.name} ${rel.release.version} on ${target.label}: ${{ yes: 'yes', no: 'no', depends: 'it depends' }[j.verdict]} — ${summaryReason(j, target.series)}${hidden}`,
    };
  } else if (target) {
    const asked = error?.level ?? f.levels[0] ?? null;
    const g = target.series.guaranteed;
    // "MongoDB says no AVX on my Standard_B2s": the size's hosts have it, so something hides it from the guest
    if (asked && g && LEVELS.indexOf(g) >= LEVELS.indexOf(asked))
      verdict = {
        verdict: null,
        line: `${target.label} guarantees ${g}: every host it lands on has what ${asked} needs, so the features are being hidden from this guest (a virtual CPU type or compatibility mode), or the error comes from another machine.`,
      };
    else if (!asked && g && target.series.best && LEVELS.indexOf(target.series.best) > LEVELS.indexOf(g))
      // an illegal instruction on a size whose hosts differ: a build for the better hosts stops on the others
      verdict = {
        verdict: null,
        line: `${target.label} guarantees ${g}, but only some of its hosts reach ${target.series.best}: a build that uses ${target.series.best} features (${target.series.best === 'x86-64-v4' ? 'AVX-512' : 'AVX2'}) stops this way when the VM lands on, or moves to, a host without them.`,
      };
    else if (asked && g && LEVELS.indexOf(asked) > LEVELS.indexOf(g)) {
      // "CPU does not support x86-64-v4 on Standard_D2as_v5": the size does not guarantee what the software needs
      const best = target.series.best;
      verdict = {
        verdict: null,
        line:
          best && LEVELS.indexOf(best) >= LEVELS.indexOf(asked)
            ? `${target.label} guarantees only ${g}, and only some of its hosts reach ${asked}: software built for ${asked} stops this way when the VM lands on, or moves to, a host below it.`
            : `${target.label} stops at ${g}: none of its hosts reach ${asked}, so software built for ${asked} cannot run on it.`,
      };
    } else context.push(`${target.label}: ${levelVerdict(target.series, asked ?? 'x86-64-v2')}`);
  }
  const need = rel ? (rel.release.azureImageBaseline ?? rel.release.x86_64Baseline) : null;
  const said = error?.level ?? null;
  const generic =
    f.e.mentions.virtualCpus.some((v) => /kvm64|qemu64/.test(v)) || (!f.e.mentions.virtualCpus.length && f.e.mentions.hypervisors.includes('QEMU/KVM'));
  // QEMU's generic models' level, from their feature lists (src/data/cpu-families.json)
  const genericLevel = catalog.cpuFamilies.families
    .filter((m) => /^qemu-(kvm|qemu)64$/.test(m.rule.id) && m.level)
    .map((m) => m.level!)
    .sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b))[0];
  const vcpu = f.e.mentions.familyCpus.find((m) => m.family.rule.kind === 'virtual-cpu' && m.family.level);
  /** One release against what failed: the level the message names, or QEMU's generic CPU types. */
  const against = (r: NamedRelease): { verdict: Verdict | null; line: string } | null => {
    const rNeed = r.release.azureImageBaseline ?? r.release.x86_64Baseline;
    if (!rNeed) return null;
    const name = `${r.distro.name} ${r.release.version}`;
    const rank = (l: LevelName) => LEVELS.indexOf(l);
    if (said) {
      const cause = f.e.mentions.virtualCpus.length
        ? ` — ${listOf(f.e.mentions.virtualCpus)} is the likely cause`
        : f.e.mentions.hypervisors.length
          ? ` — ${listOf(f.e.mentions.hypervisors)}'s default virtual CPU type is the likely cause`
          : '';
      if (said === rNeed) return { verdict: 'no', line: `${name} needs ${rNeed}, and the CPU this machine sees does not have it${cause}.` };
      if (rank(said) < rank(rNeed))
        return { verdict: 'no', line: `${name} needs ${rNeed}, above the ${said} this CPU lacks, so this machine cannot run it either${cause}.` };
      context.unshift(`${name} itself needs only ${rNeed}: what failed was built for ${said}.`);
      return null;
    }
    // a virtual CPU type with its own feature list ("x86-64-v2-AES"): the guest sees exactly that level
    if (vcpu?.family.level && !generic) {
      const seen = vcpu.family.level;
      return rank(rNeed) <= rank(seen)
        ? { verdict: 'yes', line: `${name} needs ${rNeed}, which the ${vcpu.model} CPU type provides (${seen}).` }
        : {
            verdict: 'no',
            line: `${name} needs ${rNeed}; the ${vcpu.model} CPU type shows the guest only ${seen}, so it cannot run until the CPU type is changed.`,
          };
    }
    if (!generic || !genericLevel) {
      // the hosts named by model or codename ("Westmere hosts"): what they can give, if the VM passes it through
      const host = hostLevel(f);
      if (!host) return null;
      const virtualised = f.e.mentions.hypervisors.length > 0 || f.e.mentions.virtualCpus.length > 0;
      if (!virtualised)
        return rank(rNeed) <= rank(host.level)
          ? { verdict: 'yes', line: `${name} needs only ${rNeed}, which ${host.name} (${host.level}) has: the system itself is not what fails.` }
          : { verdict: 'no', line: `${name} needs ${rNeed}, above ${host.name} (${host.level}).` };
      return rank(rNeed) <= rank(host.level)
        ? {
            verdict: 'yes',
            line: `${name} needs ${rNeed}; ${host.name} is ${host.level}, so it runs as long as the VM's CPU type passes those features through.`,
          }
        : { verdict: 'no', line: `${name} needs ${rNeed}, above ${host.name} (${host.level}): no CPU type setting can give the guest more than its host has.` };
    }
    if (rank(rNeed) <= rank(genericLevel))
      return { verdict: 'yes', line: `${name} needs only ${rNeed}, which even kvm64 and qemu64 provide (${genericLevel}).` };
    return f.e.mentions.virtualCpus.length
      ? {
          verdict: 'no',
          line: `${name} needs ${rNeed}; with the kvm64 or qemu64 CPU type the guest is only ${genericLevel}, so it cannot run until the CPU type is changed.`,
        }
      : {
          verdict: 'depends',
          line: `${name} needs ${rNeed}; if the VM uses QEMU/KVM's default kvm64 or qemu64 CPU type, the guest is only ${genericLevel} and cannot run it — check the VM's CPU type.`,
        };
  };
  if (!target) {
    // every release named, each with its own line ("from CentOS 8 to CentOS Stream 9 on qemu64")
    const each = distinct(f.releases)
      .slice(0, 4)
      .map(against)
      .filter((v): v is { verdict: Verdict | null; line: string } => v !== null);
    if (each.length)
      verdict = { verdict: each.every((v) => v.verdict === each[0]!.verdict) ? each[0]!.verdict : null, line: each.map((v) => v.line).join(' ') };
  }
  // "CPU ISA level is lower than required" names no level: the highest level the text names is what was needed
  // ("x86 ISA needed: x86-64-baseline, x86-64-v2, x86-64-v3, x86-64-v4", "readelf says x86-64-v4 (avx512)")
  const named = f.levels.length ? highest(f.levels) : null;
  const cpuLine = processorLine(f, error?.level ?? named);
  const feature = featureNamed(f.text);
  if ((error?.kind === 'illegal-instruction' || !error) && feature) {
    context.unshift(`The text names ${feature.feature}, an ${feature.level} feature: a build that uses it stops with this error on a CPU (or VM) without it.`);
  }
  // "is there something beyond AVX?": the features above the one named, each with its level, answer first
  const above =
    feature && /\b(beyond|above|comes? after|newer than|more than|next after)\b/.test(f.lower)
      ? FEATURES.slice(
          0,
          FEATURES.findIndex(([, name]) => name === feature.feature),
        ).reverse()
      : [];
  const beyond = above.length ? `Beyond ${feature!.feature} come ${listOf(above.map(([, name, level]) => `${name} (${level})`))}.` : '';
  // a refusal that names no level ("CPU ISA level is lower than required") on a processor the family rules know: the
  // level just above it is the likely build target, and its missing features the likely cause
  const m = processorOf(f);
  const next = m?.family.level ? LEVELS[LEVELS.indexOf(m.family.level) + 1] : undefined;
  const refusal = error && !error.level && !named && error.kind !== 'illegal-instruction';
  const nextLine =
    refusal && m && next && m.family.missingForNext.length
      ? ` A build for ${next} needs ${m.family.missingForNext.join(', ')}, which ${m.model} lacks: the likely cause.`
      : '';
  if (cpuLine) verdict = verdict ? { ...verdict, line: `${cpuLine}${nextLine} ${verdict.line}` } : { verdict: null, line: `${cpuLine}${nextLine}` };
  if (vcpu && !cpuLine) {
    const line = `${vcpu.model} shows the guest ${vcpu.family.level} features, whatever the host has.`;
    verdict = verdict ? { ...verdict, line: `${line} ${verdict.line}` } : { verdict: null, line };
  }
  if (beyond) verdict = verdict ? { ...verdict, line: `${beyond} ${verdict.line}` } : { verdict: null, line: beyond };
  // "ClickHouse requires SSE 4.2, my server fails": no message pasted, but a failure and the level the text names
  if (!verdict && !error && named && named !== 'x86-64-v1' && FAILURE.test(f.lower) && !f.intent.asks.has('how-to-check')) {
    const step = catalog.levels.levels.find((l) => l.level === named)!;
    verdict = {
      verdict: null,
      line: `What fails here needs ${named}${feature ? ` (the text names ${feature.feature})` : ''}: a CPU, or a VM's virtual CPU type, without ${step.cpuinfoFlags.join(', ')} cannot run it.`,
    };
  }
  return triageAnswer(catalog, query, {
    ...(error ? { error } : {}),
    virtualCpus: f.e.mentions.virtualCpus.length ? f.e.mentions.virtualCpus : f.e.mentions.hypervisors.map((h) => `${h}'s default virtual CPU`),
    level: error?.level ?? named ?? null,
    required: error?.level ?? named ?? need ?? null,
    verdict,
    context,
    notUnderstood: notUnderstood(f),
    howToCheck: f.intent.asks.has('how-to-check') && !error,
  });
}

/** The highest instruction-set feature a crash report names, even inside a name ("solver_avx2") or as a
 * register in a disassembly (zmm: AVX-512, ymm: AVX). */
const FEATURES: ReadonlyArray<readonly [RegExp, string, LevelName]> = [
  [/avx[-\s]?512|\bzmm\d/i, 'AVX-512', 'x86-64-v4'],
  [/avx[-\s]?2(?!\d)|\bfma3?\b|\bbmi2\b/i, 'AVX2', 'x86-64-v3'],
  [/(?<![a-z])avx(?![a-z0-9-])|\bymm\d/i, 'AVX', 'x86-64-v3'],
  [/sse\s?4[._]?2|popcnt|ssse3|sse\s?4[._]?1/i, 'SSE4.2', 'x86-64-v2'],
];
function featureNamed(text: string): { feature: string; level: LevelName } | null {
  for (const [re, feature, level] of FEATURES) if (re.test(text)) return { feature, level };
  return null;
}
