// The answer planner: from a question frame (and what the thread established) to one answer that
// covers every entity asked about. Each rule names the shape of question it answers; the first rule
// whose shape fits answers.
import type { Answer, ConversationContext, Verdict } from '../answer.js';
import type { Catalog, SeriesInfo } from '../catalog.js';
import type { LevelName } from '../../data/schema.js';
import { askedGeneration, compatAnswer, distroSizesAnswer } from '../answers/compat.js';
import { codenameAnswer, cpuAnswer, microarchAnswer } from '../answers/cpu.js';
import { distroAnswer, releasesAnswer, type DistroFacet } from '../answers/distro.js';
import { matrixAnswer } from '../answers/matrix.js';
import { compareAnswer, helpAnswer, notFoundAnswer } from '../answers/meta.js';
import { eolAnswer, isPastEol, releaseCompareAnswer, releaseLevelAnswer, successorAnswer } from '../answers/release-questions.js';
import { foreignCpuAnswer, outOfScopeAnswer, releaseNeeds } from '../answers/scope.js';
import { triageAnswer } from '../answers/triage.js';
import { endedCaveat } from '../answers/lifecycle.js';
import { basedOnAnswer, upstreamsOf, type AskedDistro, type AskedRelation, type NamedDistro } from '../answers/based-on.js';
import { brandVerdict, brandsNamed, familyNamed, processorBrands, processorsSaid, type SeriesFilter, seriesFilter, versionFilter } from '../answers/vendor.js';
import { asksLifecycle, lifecycleLead } from '../answers/size-lifecycle.js';
import { cpuFamilyAnswer, familyReason } from '../answers/cpu-family.js';
import type { CpuFamilyMatch } from '../cpu-family.js';
import { generationsText, uniqueSources, withCodename } from '../answers/build.js';
import { afterLevelVerdict, guaranteeOfList, levelAnswer, levelVerdict, seriesAnswer, sizeAnswer } from '../answers/vm.js';
import { requiredLevel } from '../answers/compat.js';
import { LEVELS } from '../levels.js';
import { today } from '../clock.js';
import { GENERATION_WORD, type Asked } from '../intent.js';
import { ambiguousSize, contextRelease, contextTarget, guess, type Target, unknownName } from '../targets.js';
import { echo, joinMapped, keyOf, listOf, mapped, wordsOf } from '../text.js';
import { distinct, frameOf, highest, keysOf, notUnderstood, type Frame, type NamedRelease } from './frame.js';
import { retirementList } from './retirement-plan.js';
import { FAILURE, processorLine, processorOf, triage } from './triage-plan.js';
import { cpuTypeChoice } from './cpu-type.js';

interface Rule {
  name: string;
  answer(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer | null;
}

/** Facets a bare follow-up ("and alma?") can carry over to a new distro. */
const DISTRO_TOPICS = new Set<string>(['upstream', 'lineage', 'kernel', 'package-manager', 'eol', 'status', 'arches', 'baseline', 'overview', 'releases']);

/** The asker's own machine: "my CPU", "our servers", "this box". */
const MY_CPU = /\b(my|our|your|this|the|these|those)\b[^.?!]{0,40}\b(cpus?|processors?|servers?|machines?|box(es)?|laptops?|pcs?|hosts?|hardware|nas|vms?)\b/;

/** Hardware that is not an x86 server at all: declined even when a crash is pasted. */
const NOT_X86 = new Set([
  'Apple hardware',
  'GPU compute capability',
  'macOS on a PC (a hackintosh)',
  'a single-board computer',
  'a 32-bit system, from before x86-64',
]);
/** Another cloud or provider named by name only: with a distribution named too, the distribution is the question. */
const CLOUD_NAME = new Set(['AWS', 'Google Cloud', 'Oracle Cloud', 'another hosting provider']);
/** Off-topic words that can sit beside a comparison of distributions ("the 'cost' of running both"). */
const ASIDE_TOPICS = new Set(['prices and quotas', 'CPU performance and burst credits']);
/** The words of each aside topic, to find the sentence that asks about it. */
const ASIDE_WORDS: Readonly<Record<string, RegExp>> = {
  'prices and quotas': /\b(pric\w*|costs?|quotas?|billing|cheap\w*|expensive)\b/,
  'CPU performance and burst credits': /\b(performance|credits?|burst\w*|benchmarks?|faster|slower|quicker|performs? better)\b/,
};
/** Declined first, whatever else is named: not a question about a CPU level at all. */
const NOT_CPU = /glibc version mismatch|TensorFlow build notice/;
/** A hypervisor's own error about hardware virtualization: declined, unless a CPU feature, level, processor or crash is
 * named with it (then the CPU is the question: "no AVX in the guest", "a Core 2 Duo"). */
const HYPERVISOR_ERROR = /hypervisor error about hardware virtualization/;
function namesCpuLevel(f: Frame): boolean {
  return (
    f.levels.length > 0 || f.e.cpus.length > 0 || f.e.mentions.familyCpus.length > 0 || f.e.mentions.errors.length > 0 || f.e.mentions.codenames.length > 0
  );
}

/** Words of features a guest does not see: with a hypervisor named, the host's processor is not the answer. */
const HIDDEN =
  /\b(guests?|(?:only|not|doesn'?t|does not|don'?t) (?:shows?|exposes?|sees?|passe?s? through)|hides?|hidden|masks?|masked|lacks?|lacking|missing|no (?:avx|sse|fma|bmi)|(?:features?|instructions?|flags?)\b[^.?!]{0,40}\b(?:expos(?:es|ed|e|ing)|pass(?:es|ed)? through|visible to))/;

export const RULES: readonly Rule[] = [
  {
    name: 'not x86 hardware',
    answer: (c, q, f) => {
      if (!f.e.mentions.outOfScope.length) return null;
      const away = f.e.mentions.outOfScope.filter((o) => NOT_X86.has(o.what) || NOT_CPU.test(o.what) || (HYPERVISOR_ERROR.test(o.what) && !namesCpuLevel(f)));
      const declined = away.filter((o) => !macAside(f, o));
      return declined.length && (!f.targets.length || declined.some((o) => NOT_CPU.test(o.what) || HYPERVISOR_ERROR.test(o.what)))
        ? outOfScopeAnswer(c, q, declined, f.releases)
        : null;
    },
  },
  { name: 'error triage', answer: (c, q, f) => (f.e.mentions.errors.length ? triage(c, q, f) : null) },
  {
    name: 'another cloud or hardware',
    answer: (c, q, f) => {
      if (!f.e.mentions.outOfScope.length) return null;
      const away = f.e.mentions.outOfScope.filter((o) => !macAside(f, o));
      return away.length && !f.targets.length && !distroQuestion(f) ? outOfScopeAnswer(c, q, away, f.releases) : null;
    },
  },
  {
    name: 'a topic the bot does not cover',
    answer: (c, q, f) =>
      f.e.mentions.offTopics.length &&
      f.e.levelWords.every((w) => /^v\d$/i.test(w.typed)) &&
      !f.e.mentions.familyCpus.length &&
      !f.e.cpus.length &&
      !f.e.codenames.length && // "a benchmark reports Unknown processor … Neoverse-N1": the processor is the question
      !f.e.mentions.codenames.length &&
      !distroComparison(f) &&
      !machineComparison(f)
        ? outOfScopeAnswer(
            c,
            q,
            f.e.mentions.offTopics.map((t) => ({ what: t, typed: t })),
            f.releases,
            f.targets,
          )
        : null,
  },
  { name: 'a guest’s CPU type chosen', answer: (c, q, f) => cpuTypeChoice(c, q, f) },
  {
    name: 'a hypervisor and a failure',
    answer: (c, q, f) =>
      (f.e.mentions.hypervisors.length || f.e.mentions.virtualCpus.length) && !f.targets.length && (FAILURE.test(f.lower) || HIDDEN.test(f.lower))
        ? triage(c, q, f)
        : null,
  },
  {
    // "is it AMD?", "is it still available?" in the thread of a size: that size, not a processor called "AMD"
    name: 'a vendor or lifecycle asked of the thread’s machine',
    answer: (c, q, f, ctx) => {
      if (f.targets.length || f.releases.length || !(f.intent.pronoun || f.intent.followUp)) return null;
      // "is it Zen 3?", "is it Ice Lake?": a processor's codename asked of the machine, as a yes or no
      const codename = f.intent.yesNo && (f.e.codenames.length > 0 || f.e.mentions.codenames.length > 0);
      if (!brandsNamed(f.lower).length && !asksLifecycle(f.lower) && !codename) return null;
      const t = contextTarget(c, ctx);
      return t ? machineLeads(c, q, f, t) : null;
    },
  },
  {
    name: 'a processor by its model number',
    answer: (c, q, f) => (processorOf(f) && !f.targets.length && !f.e.cpus.length ? familyCpu(c, q, f, processorOf(f)!) : null),
  },
  {
    name: 'a microarchitecture Azure does not list',
    answer: (c, q, f) => {
      const named = f.e.mentions.codenames;
      if (!named.length || f.targets.length || f.e.cpus.length) return null;
      return read(microarchAnswer(c, q, named, processorLead(f, named[0]!.name, named[0]!.level)), f);
    },
  },
  {
    name: 'a processor Azure does not list',
    answer: (c, q, f) =>
      f.e.mentions.foreignCpus.length && !f.targets.length && !f.e.cpus.length ? foreignCpuAnswer(c, q, f.e.mentions.foreignCpus, f.releases) : null,
  },
  { name: 'virtual CPU model', answer: (c, q, f) => (f.e.mentions.virtualCpus.length && !f.targets.length ? triage(c, q, f) : null) },
  { name: 'a release that fails to boot', answer: (c, q, f) => bootFailure(c, q, f) },
  { name: 'a list of retirements', answer: (c, q, f) => retirementList(c, q, f) },
  { name: 'nothing named', answer: (c, q, f, ctx) => (nothingNamed(f) ? fromThread(c, q, f, ctx) : null) },
  {
    name: 'a release that does not exist',
    answer: (_c, q, f) => {
      if (!f.e.badReleases.length || f.e.releases.length) return null;
      const bad = f.e.badReleases[0]!;
      // "is Leap 15.4 also x86-64-v2?": what the releases the data holds need, beside the suggestion
      const needs =
        f.levels.length || f.intent.asks.has('baseline')
          ? releaseNeeds(bad.distro.releases.slice(0, 3).map((r) => ({ distro: bad.distro, release: r, defaulted: false }))).join(' ')
          : '';
      return notFoundAnswer(
        q,
        `${bad.distro.name} ${echo(bad.typed)}`,
        bad.distro.releases.map((r) => `${bad.distro.name} ${r.version}`).slice(0, 3),
        needs ? `The releases I know: ${needs}` : undefined,
      );
    },
  },
  { name: 'ambiguous size', answer: (c, q, f, ctx) => whichSize(c, q, f, ctx) },
  {
    name: 'fleet matrix',
    answer: (c, q, f) => (f.op === 'matrix' ? matrixAnswer(c, q, f.targets, f.releases, notUnderstood(f)) : null),
  },
  { name: 'machines side by side', answer: (c, q, f, ctx) => compareMachines(c, q, f, ctx) },
  { name: 'based on another distribution', answer: (c, q, f, ctx) => basedOn(c, q, f, ctx) },
  {
    // "how do I check whether my server can run RHEL 10?": how to check first, then the release's need
    name: 'how to check a machine for a release',
    answer: (c, q, f) =>
      f.intent.asks.has('how-to-check') && f.releases.length && !f.targets.length && !f.e.cpus.length && CHECKS_CPU.test(f.lower) ? triage(c, q, f) : null,
  },
  {
    name: 'releases side by side',
    answer: (c, q, f) => {
      if (f.op !== 'compare' || f.releases.length < 2 || f.targets.length) return null;
      // "can our Xeon E5-2670 servers run RHEL 9 and RHEL 10?": each release against Azure's processor, below
      if (f.intent.compat && f.e.cpus.some((x) => x.model.arch === 'x64' && x.level)) return null;
      if (f.intent.asks.has('successor')) {
        const ended = f.releases.find((r) => r.release.eol && r.release.eol < today()) ?? f.releases[0]!;
        const a = successorAnswer(c, q, ended.distro, ended.release, f.releases);
        // "moving from CentOS 8 to AlmaLinux 9, any CPU requirement changes?": each release's need, first
        if (f.intent.asks.has('baseline') || f.levels.length || /\b(cpus?|processors?|hardware|x86-64)\b/.test(f.lower)) {
          const needs = releaseNeeds(distinct(f.releases).filter((r) => !r.defaulted));
          if (needs.length) a.summary = `${needs.join(' ')} ${a.summary}`;
        }
        return read(a, f);
      }
      const build = separateBuild(c, q, f);
      if (build) return build;
      const facet = f.intent.facet;
      const level = f.levels[0];
      if (level && !f.intent.asks.has('difference')) {
        const answers = distinct(f.releases).map((r) => releaseLevelAnswer(c, q, r.distro, r.release, level, levelMode(f), f.e.levelWords[0]?.typed));
        const first = answers[0]!;
        return read({ ...first, summary: answers.map((a) => a.summary).join(' '), sources: uniqueSources(...answers.map((a) => a.sources.slice(0, 2))) }, f);
      }
      if (facet && !f.intent.asks.has('difference')) return several(c, q, f, facet);
      const a = releaseCompareAnswer(c, q, distinct(f.releases));
      // "is Azure Linux the same as Fedora?": two different distributions are not the same, whatever they share
      if (asksSame(f) && new Set(f.releases.map((r) => r.distro)).size > 1) a.summary = `No — ${a.summary}`;
      return read(a, f);
    },
  },
  { name: 'a distribution’s lifecycle without a version', answer: (c, q, f) => lifecycleOfDistro(c, q, f) },
  { name: 'a machine and a release', answer: (c, q, f, ctx) => machineAndRelease(c, q, f, ctx) },
  {
    name: 'an Azure processor and a release',
    answer: (c, q, f) => {
      const cpu = f.e.cpus[0];
      if (!cpu || !f.releases.length || f.targets.length || cpu.model.arch !== 'x64') return null;
      const a = cpuAnswer(c, q, cpu);
      a.summary = processorLead(f, withCodename(cpu.model.model, cpu.model.codename), cpu.level) || a.summary;
      a.sources = uniqueSources(f.releases[0]!.release.sources.slice(0, 1), a.sources);
      return read(a, f);
    },
  },
  {
    // "BenchmarkDotNet on Ubuntu 22.04 says Unknown processor … Model name: Neoverse-N1" (an Arm processor or a
    // codename beside a release): the processor is asked
    name: 'a processor codename and a release',
    answer: (c, q, f) => {
      const named = f.e.codenames[0];
      const arm = f.e.cpus.find((x) => x.model.arch === 'Arm64');
      if ((!named && !arm) || !f.releases.length || f.targets.length || !(f.intent.asks.has('processors') || /model name\s*:/i.test(f.text))) return null;
      const a = arm ? cpuAnswer(c, q, arm) : codenameAnswer(c, q, named!.typed, named!.cpus);
      a.sources = uniqueSources(f.releases[0]!.release.sources.slice(0, 1), a.sources);
      return read(a, f);
    },
  },
  {
    name: 'a release',
    answer: (c, q, f, ctx) => {
      if (!f.releases.length) return null;
      const a = releaseQuestion(c, q, f, ctx);
      // "compare CBL-Mariner and Clear Linux": say which side is missing before answering the other
      if (f.intent.asks.has('difference') && f.unknownDistros.length)
        a.summary = `I have no data on ${listOf(f.unknownDistros.map(echo))}, so there is nothing to compare it with. ${a.summary}`;
      return a;
    },
  },
  {
    name: 'a processor',
    answer: (c, q, f) => {
      const cpu = f.e.cpus[0];
      if (!cpu) return null;
      const a = cpuAnswer(c, q, cpu);
      const lead = cpu.model.arch === 'x64' ? processorLead(f, withCodename(cpu.model.model, cpu.model.codename), cpu.level) : '';
      if (lead) a.summary = lead; // the lead states the level itself
      if (f.intent.asks.has('sizes') && !lead) a.summary = `${seriesOn(c, f.e.cpus)} ${a.summary}`;
      if (f.releases[0]) a.sources = uniqueSources(f.releases[0].release.sources.slice(0, 1), a.sources);
      return read(a, f);
    },
  },
  {
    name: 'a codename',
    answer: (c, q, f) => {
      const named = f.e.codenames[0];
      if (!named) return null;
      const a = codenameAnswer(c, q, named.typed, named.cpus);
      // "which sizes run on Genoa?": the series first
      if (f.intent.asks.has('sizes')) a.summary = `${seriesOn(c, named.cpus)} ${a.summary}`;
      return a;
    },
  },
  {
    name: 'another level for the thread’s release',
    answer: (c, q, f, ctx) => {
      const rel = contextRelease(c, ctx);
      // "what about v2?" — a follow-up, not a new question ("which sizes guarantee v4" lists)
      const followUp = !f.intent.list && (f.intent.followUp || wordsOf(f.text).length <= 4);
      return f.levels.length && rel && ctx.topic === 'baseline' && followUp ? releaseLevelAnswer(c, q, rel.distro, rel.release, f.levels[0]!, 'need') : null;
    },
  },
  {
    name: 'a level about the thread’s machine',
    answer: (c, q, f, ctx) => {
      const t = contextTarget(c, ctx);
      return f.levels.length && t && (f.intent.pronoun || !f.intent.list) && ctx.topic !== 'level'
        ? machineAnswer(c, q, t, f.levels[0], f.e.levelWords[0]?.typed)
        : null;
    },
  },
  {
    name: 'how to check a level',
    answer: (c, q, f) => (f.intent.asks.has('how-to-check') && !f.targets.length && !f.releases.length && !f.e.cpus.length ? triage(c, q, f) : null),
  },
  {
    name: 'a CPU that lacks a feature',
    answer: (c, q, f) => {
      const w = f.e.levelWords[0];
      if (!w || f.intent.list || !f.intent.negated || !(MY_CPU.test(f.lower) || hardwareLacks(f.lower))) return null;
      // "my Phenom II doesn't have AVX": the processor's own level first, when its family is known; then every
      // release named, against what a CPU without that feature can run
      const cpuLine = processorLine(f, w.level);
      const each = distinct(f.releases)
        .slice(0, 4)
        .flatMap((r) => {
          const need = requiredLevel(r.release);
          if (!need) return [];
          const fits = LEVELS.indexOf(need) < LEVELS.indexOf(w.level);
          return [
            {
              verdict: (fits ? 'yes' : 'no') as Verdict,
              line: `${r.distro.name} ${r.release.version} needs ${need}: ${fits ? 'a CPU without' : 'it will not run on a CPU without'} ${w.typed.toUpperCase()}${fits ? ' still runs it' : ''}.`,
            },
          ];
        });
      const lines = [cpuLine, ...each.map((v) => v.line)].filter(Boolean).join(' ');
      const said = each.length && each.every((v) => v.verdict === each[0]!.verdict) && !cpuLine ? each[0]!.verdict : null;
      return triageAnswer(c, q, {
        virtualCpus: f.e.mentions.virtualCpus,
        level: null,
        required: w.level,
        lacks: { typed: w.typed, level: w.level, failing: FAILURE.test(f.lower) },
        verdict: lines ? { verdict: said, line: lines } : null,
        context: releaseNeeds(f.releases),
        notUnderstood: notUnderstood(f),
      });
    },
  },
  // "SSE4.1, SSE4.2, AVX, AVX2 and FMA": a list of features needs the highest level among them
  {
    name: 'series for a level',
    answer: (c, q, f) =>
      f.levels.length && asksForSeries(f)
        ? armLevels(levelAnswer(c, q, highest(f.levels), f.intent.negated, familyNamed(c, f.lower), vendorNamed(f.lower), versionFilter(f.lower)), f)
        : null,
  },
  // "only avx, could that be it?", "VMs only expose SSE and SSE2": a level or feature said about something else
  { name: 'a level about something else', answer: (c, q, f) => (f.levels.length ? triage(c, q, f) : null) },
];

/** A release that does not boot or install: a kernel panic, a boot that stops, an installer that hangs. */
const BOOT_FAILURE =
  /\bkernel panic|\bpanic(?:s|ked)?\b[^.?!\n]{0,30}\bboot|\b(?:won'?t|doesn'?t|does not|fails? to|failed to|unable to|cannot|can'?t) boot\b|\binstall(?:ation|er)?(?: progress)? (?:stops|stopped|hangs|hung|freezes|froze|fails|failed|crash\w*)|\bboot ?loop/;

/** "rhel 8 installs, rhel 9 panics": every release named with its x86-64 need; the highest one is what a CPU (or a
 * VM's virtual CPU type) must have, and a release that needs more than another is the one that stops. */
function bootFailure(catalog: Catalog, query: string, f: Frame): Answer | null {
  // the pattern last: most questions name a machine, or no release
  if (f.targets.length || !f.releases.some((r) => !r.defaulted) || !BOOT_FAILURE.test(f.lower)) return null;
  const needs = distinct(f.releases)
    .filter((r) => !r.defaulted)
    .flatMap((r) => {
      const need = requiredLevel(r.release);
      return need ? [{ name: `${r.distro.name} ${r.release.version}`, need }] : [];
    })
    .sort((a, b) => LEVELS.indexOf(b.need) - LEVELS.indexOf(a.need));
  const top = needs[0];
  if (!top) return null;
  const lower = needs.filter((n) => LEVELS.indexOf(n.need) < LEVELS.indexOf(top.need));
  // QEMU's generic models' level, from their feature lists (src/data/cpu-families.json)
  const generic = catalog.cpuFamilies.families.find((m) => /^qemu-(kvm|qemu)64$/.test(m.rule.id) && m.level)?.level;
  const above = needs.filter((n) => n.need === top.need).map((n) => n.name);
  const line =
    top.need === 'x86-64-v1'
      ? `${listOf(needs.map((n) => n.name))} ${needs.length > 1 ? 'need' : 'needs'} only x86-64-v1, which every x86-64 CPU has: the CPU's level is not what stops it.`
      : `${listOf(above)} ${above.length > 1 ? 'need' : 'needs'} ${top.need}${lower.length ? `, ${listOf(lower.map((n) => `${n.name} only ${n.need}`))}` : ''}: a CPU, or a VM's virtual CPU type, below ${top.need} stops ${listOf(above)} early in boot (a kernel panic or a hang)${lower.length ? ` while ${listOf(lower.map((n) => n.name))} still boots` : ''}.${generic && LEVELS.indexOf(generic) < LEVELS.indexOf(top.need) ? ` In a VM, QEMU/KVM's generic CPU types (kvm64, qemu64) give only ${generic}.` : ''}`;
  return triageAnswer(catalog, query, {
    virtualCpus: f.e.mentions.virtualCpus,
    level: null,
    required: top.need,
    verdict: { verdict: null, line },
    context: releaseNeeds(f.releases.filter((r) => !r.defaulted)),
    notUnderstood: notUnderstood(f),
  });
}

/** Words that ask for Azure machines: a level list answers them. */
const AZURE_ASKED =
  /\b(azure|cloud|sizes?|series|skus?|instances?|instance types?)\b|\b(get|obtain|rent|pick|choose|buy)\b[^.?!]{0,24}\b(computers?|machines?|vms?|servers?)\b/;
/** What a level or feature is said about when it is not Azure: a guest, a hypervisor, a binary, the asker's own machine. */
const OTHER_SUBJECT =
  /\b(guests?|hosts?|hypervisors?|emulators?|emulated|binary|binaries|builds?|compiled?|compiler|laptops?|desktops?|notebooks?|mods?|games?|releases? binary|crash\w*|dies|died)\b/;

/** "drops support for", "no longer supports", "removed support for": a statement that a release stops running somewhere. */
const DROPS =
  /\b(?:drops?|dropped|dropping|removes?|removed|removing|ends?|ended|ending|deprecat\w*)\s+(?:the\s+)?support\b|\bno longer (?:supports?|runs?|boots?)\b/;

/** "what comes after AVX?", "is there something beyond SSE4.2?": the features above one, not Azure machines. */
const BEYOND = /\b(beyond|comes? after|above|newer than|next after)\b/;

/** Hardware said to lack something ("a lot of low-power server CPUs don't have AVX"): a statement about processors,
 * not a request for Azure machines. */
const HARDWARE_LACKS =
  /\b(cpus?|processors?|chips?|hardware|servers?|machines?|pcs?|computers?|boxes|celerons?|pentiums?|atoms?|athlons?|semprons?)\b[^.?!]{0,40}\b(don'?t|doesn'?t|do not|does not|lacks?|lacking|without|missing|no longer|(?:has|have) no)\b/;

/** Processors said to lack a feature ("some Celeron and Pentium chips lack AVX"), not a question for a list of them. */
function hardwareLacks(lower: string): boolean {
  return HARDWARE_LACKS.test(lower) && !/^\W*(which|what)\b/.test(lower);
}

/** "which sizes guarantee v4?", "avx512", "x86-64-v3 and intel": a list of Azure series answers it; a level or
 * feature mentioned about a hypervisor, a binary, a laptop or one's own CPU, in a sentence that asks for no Azure
 * machine, does not ("it seems it doesn't, only avx, could that be it?"). */
function asksForSeries(f: Frame): boolean {
  if (AZURE_ASKED.test(f.lower)) return true;
  const text = f.lower.replace(/https?:\/\/\S+/g, ' ');
  const other =
    f.e.mentions.hypervisors.length > 0 ||
    f.e.mentions.virtualCpus.length > 0 ||
    MY_CPU.test(text) ||
    FAILURE.test(text) ||
    OTHER_SUBJECT.test(text) ||
    BEYOND.test(text) ||
    hardwareLacks(text); // "which machines don't have AVX2?" asks for a list
  if (other) return false;
  // a short question is about the level itself ("x86-64-v3 only", "which ones have avx2?"); a long sentence that
  // asks for no machine is said about something else (", which is my case" is no question word)
  return wordsOf(text).length <= 8 || /(?<![,;]\s*)\b(which|what)\b|\b(list|show|guarantee[sd]?)\b/.test(text);
}

export function plan(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer {
  for (const rule of RULES) {
    const a = rule.answer(catalog, query, f, context);
    if (a) return asideFirst(a, f);
  }
  return helpAnswer(query);
}

/** Answers about machines, processors and levels that an aside (a price, a benchmark) can sit beside. */
const MACHINE_KINDS = new Set(['vm-size', 'series', 'level', 'compare', 'cpu']);

/** "Which is cheaper, D4s v5 or D4as v5?", "the cheapest size with AVX-512": what the bot does not know, said first,
 * then what it can say about the machines or levels named. */
function asideFirst(a: Answer, f: Frame): Answer {
  if (!f.e.mentions.offTopics.length || !MACHINE_KINDS.has(a.kind) || !(f.targets.length || f.levels.length || f.e.cpus.length)) return a;
  // asked, not said in passing ("at comparable pricing", "old and expensive"): in a sentence that asks something
  const asked = f.lower.split(/[.;!\n]+/).filter((x) => /\?\s*$/.test(x) || /^\W*(which|what|how|is|are|does|do)\b/.test(x));
  const away = f.e.mentions.offTopics.filter((t) => ASIDE_TOPICS.has(t) && asked.some((x) => ASIDE_WORDS[t]!.test(x)));
  if (away.length)
    a.summary = `${upperFirst(listOf(away))}: outside what I know — I have no data on ${away.length > 1 ? 'them' : 'it'}. What I can say: ${a.summary}`;
  return a;
}

function nothingNamed(f: Frame): boolean {
  return !f.targets.length && !f.releases.length && !f.e.cpus.length && !f.e.codenames.length && !f.levels.length && !f.e.badReleases.length;
}

/** "Amazon Linux 2023 … most AWS workloads …": a distribution typed by name, beside another cloud named only by
 * its name (no instance type, no hardware): the distribution is what can be answered. */
function distroQuestion(f: Frame): boolean {
  // "is Flatcar supported on AWS c5a machines?" asks about that cloud's machines: declined, with the distro's need
  const machines = ['verdict', 'processors', 'sizes', 'level', 'generations'].some((a) => f.intent.asks.has(a as Asked));
  const facet = f.intent.facet !== null && f.intent.facet !== 'overview' && f.intent.facet !== 'baseline'; // "does it come from Fedora?"
  return (facet || !machines) && (f.e.releases.length > 0 || f.e.distros.length > 0) && f.e.mentions.outOfScope.every((o) => CLOUD_NAME.has(o.what));
}

/** Two or more machines side by side ("from Standard_D8s_v3 to Standard_D8as_v5 … at comparable pricing"), with
 * only a price or performance word beside them: compare them, the price named as an aside. */
function machineComparison(f: Frame): boolean {
  return new Set(f.targets.map((t) => t.label)).size >= 2 && f.e.mentions.offTopics.every((t) => ASIDE_TOPICS.has(t));
}

/** A Mac named beside something answerable ("Under MacOS it works", "Proxmox on an old Mac mini" with a glibc error
 * or a release): an Intel Mac or macOS is an aside, not the question. Apple silicon and Rosetta are not x86 at all. */
function macAside(f: Frame, o: { what: string; typed: string }): boolean {
  // "macpro6,1": a Mac model identifier is the machine asked about (a hackintosh's, typically)
  if (o.what !== 'Apple hardware' || /\d,\d/.test(o.typed) || /\bm[1-5]\b|apple silicon|rosetta|hackintosh|opencore/.test(f.lower)) return false;
  return f.releases.length > 0 || f.e.mentions.errors.length > 0 || processorOf(f) !== undefined || f.e.cpus.some((c) => c.model.arch === 'x64');
}

/** Two or more distributions side by side, with only a price or performance word beside them: compare them. */
function distroComparison(f: Frame): boolean {
  return distinct(f.releases).length >= 2 && !f.targets.length && f.e.mentions.offTopics.every((t) => ASIDE_TOPICS.has(t));
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function read(a: Answer, f: Frame): Answer {
  // what was named but is not covered, said rather than dropped (most questions name nothing of the kind)
  const { outOfScope, offTopics } = f.e.mentions;
  const aside =
    outOfScope.length || offTopics.length
      ? [
          ...new Set([
            ...outOfScope.filter((o) => CLOUD_NAME.has(o.what) || macAside(f, o)).map((o) => echo(o.typed)),
            ...offTopics.filter((t) => ASIDE_TOPICS.has(t)),
          ]),
        ]
      : [];
  if (aside.length && a.kind !== 'out-of-scope')
    a.caveats.unshift(`${listOf(aside)}: outside what I cover (Azure VM sizes and Linux distributions); this answer is about the rest.`);
  for (const c of f.e.corrections) a.caveats.unshift(`Read “${echo(c.typed)}” as ${c.meant}.`);
  for (const line of formerNames(f)) a.caveats.unshift(line);
  // "gen2" in an answer that says the generations was read, not left out
  const unknown = notUnderstood(f).filter((w) => !(GENERATION_WORD.test(w) && saysGenerations(a)));
  if (unknown.length) a.caveats.unshift(`Not understood, so left out: ${joinMapped(unknown, (w) => `“${w}”`, ', ')}.`);
  return a;
}

/** "Mariner v2.0", "CBL-Mariner": a distribution typed by a name its older releases bore and its newest generally
 * available one does not: its name today and that release, so an answer about an old release is not read as current. */
function formerNames(f: Frame): string[] {
  const out: string[] = [];
  // each distribution once
  for (const distro of new Set(mapped(f.releases, (r) => r.distro))) {
    const ga = distro.releases.find((r) => r.status === 'ga');
    const bore = (key: string) => (r: NamedRelease['release']) => keysOf(r).some((x) => x.includes(key));
    const typed = (f.e.namesTyped.get(distro) ?? []).find((t) => {
      const key = keyOf(t);
      // a name of the distribution (not a codename) other than its own, that an older release bore
      const alias = () => keysOf(distro).indexOf(key, 1) > 0;
      return key.length >= 4 && ga && !keysOf(distro)[0]!.includes(key) && alias() && distro.releases.some(bore(key)) && !bore(key)(ga);
    });
    if (!typed || !ga) continue;
    const newest = distro.releases[0]!;
    out.push(
      `“${echo(typed!)}” is a former name of ${distro.name}; its newest generally available release is ${distro.name} ${ga.version}${newest !== ga ? ` (${newest.version} is in preview)` : ''}.`,
    );
  }
  return out;
}

/** "Are there arm sizes that guarantee x86-64-v3?": an x86-64 level never applies to Arm64, said first. */
function armLevels(a: Answer, f: Frame): Answer {
  if (brandsNamed(f.lower).some((b) => b.name === 'Arm64' || b.name === 'Ampere' || b.name === 'Cobalt'))
    a.summary = `No — x86-64 levels do not apply to Arm64 series; among the x64 series: ${a.summary}`;
  return a;
}

/** What narrows a list of series that can run a release: a vendor, an architecture, a version or generation, a family
 * ("arm64 sizes", "AMD v5 series"), or a level above the release's own need ("sizes that support x86-64-v4 and run
 * Ubuntu 26.04": those that guarantee it). */
function listFilter(catalog: Catalog, f: Frame): SeriesFilter | null {
  const words = seriesFilter(catalog, f.lower);
  const level = f.levels.length ? highest(f.levels) : undefined;
  const need = f.releases[0] ? requiredLevel(f.releases[0].release) : null;
  if (!level || (need && LEVELS.indexOf(level) <= LEVELS.indexOf(need))) return words;
  const guarantees = (s: SeriesInfo) => s.guaranteed !== null && LEVELS.indexOf(s.guaranteed) >= LEVELS.indexOf(level);
  return {
    label: words ? `${words.label} ${level}` : level,
    ...(words?.generation ? { generation: words.generation } : {}),
    keep: (s) => guarantees(s) && (!words || words.keep(s)),
  };
}

/** A processor's generation ("what generation of Xeon", "which EPYC generation"), not Hyper-V's. */
const CPU_GENERATION =
  /\bgenerations? of (?:the )?(?:xeon|epyc|intel|amd|cpus?|processors?|chips?)\b|\b(?:xeon|epyc|intel|amd|cpu|processor|chip) generations?\b/;
/** "how many vCPUs", "number of cores", "vcpu count". */
const VCPUS_ASKED = /\bhow many (?:v?cpus?|cores?|threads?)\b|\b(?:number of|count of) (?:v?cpus?|cores?)\b|\bv?cpu count\b/;

/** The most words a vendor yes/no question has: a longer text names a vendor in passing. */
const BRAND_QUESTION_WORDS = 16;

/** A size or series answer; when a level was named too, it opens with the straight yes/no. */
function machineAnswer(catalog: Catalog, query: string, target: Target, level?: LevelName, typed?: string): Answer {
  const a = target.sizeInfo ? sizeAnswer(catalog, query, target.sizeInfo) : seriesAnswer(catalog, query, target.series);
  if (level) {
    // the yes/no says the guaranteed level; what follows adds only the processors behind it
    a.summary = [levelVerdict(target.series, level, typed), afterLevelVerdict(target.label, target.series, level)].filter(Boolean).join(' ');
    a.context = Object.assign({}, a.context, { level });
  }
  return a;
}

/** A processor Azure does not list, by its family: its level first, then what was asked of it. */
function familyCpu(catalog: Catalog, query: string, f: Frame, m: CpuFamilyMatch): Answer {
  const a = cpuFamilyAnswer(catalog, query, m);
  const lead = processorLead(f, `${m.model} (${m.family.rule.codename})`, m.family.level);
  const others = f.e.mentions.familyCpus.filter((x) => x !== m && x.family.rule.kind === 'processor').slice(0, 5);
  const more = others.map((x) => `${x.model} (${x.family.rule.codename}) is ${x.family.level ?? 'not 64-bit'}.`).join(' ');
  // the lead said the level and the codename: the reason follows, not the level again
  a.summary = [lead, lead && m.family.level ? familyReason(m, true) : a.summary, more].filter(Boolean).join(' ');
  if (f.releases[0]) a.sources = uniqueSources(f.releases[0].release.sources.slice(0, 1), a.sources);
  return read(a, f);
}

/** What was asked of a processor, answered first: a release's need against its level, or a level named. */
function processorLead(f: Frame, name: string, level: LevelName | null): string {
  const rel = f.releases.find((r) => requiredLevel(r.release)) ?? f.releases[0];
  const asked = f.levels[0];
  let lead = '';
  // "from CentOS 7 to Rocky 9 on our X5650s": every release typed, each against the processor
  const typed = distinct(f.releases)
    .filter((r) => !r.defaulted && requiredLevel(r.release))
    .slice(0, 4);
  if (level && typed.length >= 2) {
    const each = typed.map((r) => {
      const need = requiredLevel(r.release)!;
      const alt = r.release.altBuildBaseline;
      const fits = LEVELS.indexOf(level) >= LEVELS.indexOf(need) || (alt !== null && LEVELS.indexOf(level) >= LEVELS.indexOf(alt));
      return { line: `${r.distro.name} ${r.release.version} needs ${need}${fits ? '' : ', above it'}`, fits };
    });
    const verdict = each.every((x) => x.fits) ? 'Yes — ' : each.every((x) => !x.fits) ? 'No — ' : '';
    return `${verdict}${name} is ${level}: ${each.map((x) => x.line).join('; ')}.`;
  }
  if (level && rel) {
    const need = requiredLevel(rel.release);
    const relName = `${rel.distro.name} ${rel.release.version}`;
    if (need) {
      const fits = LEVELS.indexOf(level) >= LEVELS.indexOf(need);
      const alt = rel.release.altBuildBaseline;
      lead = fits
        ? `Yes — ${relName} needs ${need}, and ${name} is ${level}.`
        : alt && LEVELS.indexOf(level) >= LEVELS.indexOf(alt)
          ? `Yes, with its separate ${alt} build — the main ${relName} build needs ${need}, and ${name} is ${level}.`
          : `No — ${relName} needs ${need}, and ${name} is only ${level}.`;
    }
  } else if (level && asked) {
    lead =
      LEVELS.indexOf(level) >= LEVELS.indexOf(asked)
        ? `Yes — ${name} is ${level}${level === asked ? '' : `, which includes ${asked}`}.`
        : `No — ${name} is ${level}, below ${asked}.`;
  }
  return lead;
}

/** Nothing named: a follow-up in a thread, a how-to question, or help / "did you mean". */
function fromThread(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer {
  const ambiguous = whichSize(catalog, query, f, context);
  if (ambiguous) return ambiguous;
  const thread = threadAnswer(catalog, query, f, context);
  if (thread) return thread;
  if (f.intent.asks.has('how-to-check') && /\b(level|cpu|processor|avx|x86|v[234]|support)/.test(f.lower)) return triage(catalog, query, f);
  if (f.e.unknown.length) return unknownName(catalog, query, f.e.unknown[0]!);
  if (f.intent.asks.has('why') && wordsOf(f.text).length <= 3)
    return helpAnswer(query, undefined, 'Why what? Ask it in the thread of an answer (“why?” then explains that answer), or name a size and a distribution.');
  if (f.intent.help || f.intent.greeting || !wordsOf(f.text).length || /^\W*(quit|exit|bye|stop|cancel|nevermind|never mind)\W*$/.test(f.lower))
    return helpAnswer(query);
  return guess(catalog, query, f.text);
}

/** A question naming nothing new, in a thread that has established something: ask the thread's question again. */
function threadAnswer(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer | null {
  if (f.e.unknown.length) return null;
  const intent = f.intent;
  const ctxRelease = contextRelease(catalog, context);
  const ctxTarget = contextTarget(catalog, context);
  const why = intent.asks.has('why');
  if (ctxRelease && ctxTarget && (intent.compat || (why && context.topic === 'compat'))) {
    const a = compatAnswer(catalog, query, ctxTarget, ctxRelease.distro, ctxRelease.release, false, askedGeneration(f.lower));
    if (why && a.kind === 'compat') a.summary = `${{ yes: 'Yes', no: 'No', depends: 'It depends' }[a.verdict]}, because: ${a.reasons.join(' ')}`;
    return a;
  }
  if (why && ctxRelease && context.topic === 'baseline' && context.level) {
    const a = releaseLevelAnswer(catalog, query, ctxRelease.distro, ctxRelease.release, context.level as LevelName, 'need');
    a.summary = `${a.summary} ${a.caveats.filter((c) => /x86-64|level|-march|baseline/i.test(c)).join(' ')}`.trim();
    return a;
  }
  if (ctxRelease && intent.list) return distroSizesAnswer(catalog, query, ctxRelease.distro, ctxRelease.release);
  if (ctxRelease && intent.facet) return distroAnswer(catalog, query, ctxRelease.distro, ctxRelease.release, intent.facet);
  // "why not?" after "is D2s v3 x86-64-v4?": that level's answer again, with its reason
  if (ctxTarget && why && context.level && context.topic === 'machine' && !f.levels.length)
    return machineAnswer(catalog, query, ctxTarget, context.level as LevelName);
  // "which CPU?", "gen 1?", "how many vCPUs?": the thread's machine, with what was asked of it said first
  if (ctxTarget && (intent.followUp || why || /\b(level|v?cpus?|processors?|generation|gen|avx)/.test(f.lower)))
    return machineLeads(catalog, query, f, ctxTarget);
  if (ctxRelease && (why || intent.followUp) && context.topic && DISTRO_TOPICS.has(context.topic))
    return distroAnswer(catalog, query, ctxRelease.distro, ctxRelease.release, context.topic as DistroFacet);
  return null;
}

/** Two machines (or two CPUs): side by side. "compare it with X" compares with the thread's machine. */
function compareMachines(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer | null {
  const targets = [...f.targets];
  const ctxTarget = contextTarget(catalog, context);
  if (targets.length === 1 && f.intent.compare && !f.releases.length && ctxTarget && ctxTarget.label !== targets[0]!.label) targets.unshift(ctxTarget);
  // "what about the B-series v2?" in the thread of a verdict: each of those machines judged for the thread's release
  const ctxRelease = f.intent.followUp && !f.intent.compare && context.topic === 'compat' ? contextRelease(catalog, context) : undefined;
  if (targets.length >= 2 && !f.releases.length && ctxRelease)
    return matrixAnswer(catalog, query, targets, [{ distro: ctxRelease.distro, release: ctxRelease.release, defaulted: false }]);
  if (targets.length >= 2 && !f.releases.length) {
    const a = compareAnswer(
      query,
      targets.map((t) => t.series),
      targets.map((t) => t.label),
    );
    if (asksProcessors(f)) a.summary = `${targets.map((t) => processorsSaid(t)).join(' ')} ${a.summary}`;
    // "D2as_v5 or D2s_v5 for AVX-512?": each machine's yes or no on what was asked, first
    // a bare "v4" before "sizes" is a series version ("to compare to v4 sizes"), not a level
    const asked = f.e.levelWords.filter((w) => !(/^v\d$/i.test(w.typed) && new RegExp(`\\b${w.typed}\\s+(?:sizes?|series|skus?|vms?)\\b`, 'i').test(f.text)));
    if (asked.length) {
      const level = highest(asked.map((w) => w.level));
      const typed = asked.find((w) => w.level === level)?.typed;
      a.summary = `${targets.map((t) => `${t.label} — ${levelVerdict(t.series, level, typed)}`).join(' ')} ${a.summary}`;
    }
    // "when is Dv2 retired, and do Dv3 and Dv4 support Gen 2?": the retirement and the generations asked, first
    const leads = [
      ...askedOf(targets, f.lower, asksLifecycle).flatMap(([t, clause]) => lifecycleLead(t, clause, catalog.asOf, today()) ?? []),
      // (each of the machine its clause names only when the question also asks something else of another one)
      ...(GENERATION_ASKED.test(f.lower)
        ? (asksLifecycle(f.lower) ? askedOf(targets, f.lower, (c) => GENERATION_ASKED.test(c)) : targets.map((t): [Target, string] => [t, f.lower])).map(
            ([t, clause]) => generationVerdict(t, clause),
          )
        : []),
    ];
    if (leads.length) a.summary = `${leads.join(' ')} ${a.summary}`;
    return read(a, f);
  }
  if (!targets.length && f.e.cpus.length >= 2)
    return compareAnswer(
      query,
      f.e.cpus,
      f.e.cpus.map((c) => c.model.model),
    );
  return null;
}

/** A machine with a release (from the question or the thread): the verdict; a machine alone: its facts. */
function machineAndRelease(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer | null {
  const ctxTarget = contextTarget(catalog, context);
  const rel = f.releases[0];
  const compatTopic = context.topic === undefined || context.topic === 'compat' || context.topic === 'machine' || context.topic === 'sizes';
  const target = f.targets[0] ?? (rel && (f.intent.compat || (f.intent.followUp && compatTopic)) ? ctxTarget : undefined);
  if (!target) return null;
  if (rel) return read(compatAnswer(catalog, query, target, rel.distro, rel.release, rel.defaulted, askedGeneration(f.lower)), f);
  if (context.distro && (f.intent.compat || f.intent.followUp)) {
    const ctx = contextRelease(catalog, context);
    if (ctx) return compatAnswer(catalog, query, target, ctx.distro, ctx.release, false, askedGeneration(f.lower));
  }
  return machineLeads(catalog, query, f, target);
}

/** A size or series asked about on its own: its facts, with what was asked of it (a brand, a level, a generation, its
 * vCPUs, its lifecycle) said first. */
function machineLeads(catalog: Catalog, query: string, f: Frame, target: Target): Answer {
  // "does D2s_v3 have sse … avx avx2?": the highest level named is what is asked
  const level = f.levels.length ? highest(f.levels) : undefined;
  const a = read(machineAnswer(catalog, query, target, level, f.e.levelWords.find((w) => w.level === level)?.typed), f);
  // "is the Standard_D2ads_v6 AMD?": the brand's yes or no first, with the processors
  // a short question ("is the Standard_D2ads_v6 AMD?", "Milan or Genoa?"), not a report that names a vendor in passing
  // (its words counted only when the rest holds)
  const short = !f.levels.length && (f.intent.yesNo || /\bor\b/.test(f.lower)) && wordsOf(f.text).length <= BRAND_QUESTION_WORDS;
  const brand = short ? brandVerdict(target, f.lower, processorBrands(f.e.codenames, f.e.cpus, f.e.mentions.codenames)) : null;
  // each lead answers what was asked of the machine, in this order; with one, the level summary is not what was asked
  // (unless a level was named): the facts keep it
  const leads: string[] = [];
  // "is Standard_A1 still available?": the lifecycle the data holds, first
  const life = lifecycleLead(target, f.lower, catalog.asOf, today());
  if (life) leads.push(life);
  // "how many vCPUs does Standard_D4s_v5 have?": the count
  if (target.sizeInfo && VCPUS_ASKED.test(f.lower)) {
    const z = target.sizeInfo.size;
    leads.push(`${z.name} has ${z.vcpus} vCPU${z.vcpus === 1 ? '' : 's'}${z.constrainedFrom ? ` (constrained from ${z.constrainedFrom})` : ''}.`);
  }
  // "what generation of Xeon is it?" asks about the processor, not the Hyper-V generation
  if (f.intent.asks.has('generations') && !CPU_GENERATION.test(f.lower)) leads.push(generationVerdict(target, f.lower));
  // the processors, each with its level, and what they add up to
  if (brand || (asksProcessors(f) && !f.levels.length)) leads.push(brand ?? processorsSaid(target), guaranteeOfList(target.label, target.series));
  if (leads.length) a.summary = (level ? [...leads, a.summary] : leads).filter(Boolean).join(' ');
  const away = f.e.mentions.outOfScope[0];
  if (away) a.summary = `${away.what} is outside what I cover; what I know about ${target.label}: ${a.summary}`;
  return a;
}

/** A release named with no machine: its level, end of life, sizes, releases or a facet, asked as asked. */
function releaseQuestion(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer {
  const { distro, release, defaulted } = f.releases[0]!;
  const intent = f.intent;
  const level = f.levels[0];
  if (intent.list && (intent.compat || intent.asks.has('sizes')))
    return read(distroSizesAnswer(catalog, query, distro, release, /\b(can'?t|cannot|can not|won'?t|not|unable)\b/.test(f.lower), listFilter(catalog, f)), f);
  const build = separateBuild(catalog, query, f);
  if (build) return build;
  if (level && (intent.yesNo || intent.asks.has('baseline') || intent.asks.has('verdict') || !intent.facet)) {
    const mode = levelMode(f);
    const a = releaseLevelAnswer(catalog, query, distro, release, level, mode, f.e.levelWords[0]?.typed);
    // "RHEL 10 drops support for x86-64-v2 CPUs, right?": asks whether it no longer runs there, so yes and no swap
    const need = requiredLevel(release);
    if (DROPS.test(f.lower) && need) {
      const gone = LEVELS.indexOf(need) > LEVELS.indexOf(level);
      const name = `${distro.name} ${release.version}`;
      const images =
        release.azureImageBaseline && release.x86_64Baseline && release.azureImageBaseline !== release.x86_64Baseline
          ? ` (its Azure images; the package archive still supports ${release.x86_64Baseline})`
          : '';
      a.summary = `${gone ? 'Yes' : 'No'} — ${name} needs ${need}${images}, so it ${gone ? 'no longer runs' : 'still runs'} on ${level} CPUs${images ? ' on Azure' : ''}.${release.altBuildBaseline ? ` (Its separate ${release.altBuildBaseline} build aside.)` : ''}`;
      return read(a, f);
    }
    // "why does RHEL 10 require x86-64-v3?": the reasons the sources give, after the answer
    if (intent.asks.has('why')) a.summary = `${a.summary} ${a.caveats.filter((c) => /x86-64|level|-march|baseline/i.test(c)).join(' ')}`.trim();
    // a statement, not a question ("rhel 10 x86-64-v2"): the facts without a yes or no
    const choice = f.levels.length >= 2 && /\bor\b/.test(f.lower); // "is Debian 13 v2 or v1?" asks which, not yes or no
    if ((!intent.yesNo || choice) && mode === 'need')
      a.summary = a.summary.replace(/^(Yes, and more|Yes|No) — (\S+)/, (_, _w: string, word: string) =>
        /^[a-z]+[A-Z]/.test(word) ? word : word[0]!.toUpperCase() + word.slice(1),
      ); // "openSUSE" keeps its case
    return read(a, f);
  }
  if (intent.asks.has('generations') && !intent.asks.has('eol')) {
    // "does Azure Linux 4.0 support Gen 1 VMs?": its Azure images' Hyper-V generations
    const a = distroAnswer(catalog, query, distro, release, 'overview');
    a.summary = `${releaseGenerations(`${distro.name} ${release.version}`, release.azureImageGenerations, f.lower)} ${a.summary}`;
    return read(a, f);
  }
  if (intent.asks.has('successor') && f.releases.length === 1) return read(successorAnswer(catalog, query, distro, release), f);
  // "which fedora releases are still supported?": every release, with its status and dates
  if (intent.asks.has('releases') && defaulted && f.releases.length === 1) {
    const a = releasesAnswer(catalog, query, distro);
    if (intent.asks.has('eol')) a.summary = `${supportedReleases(distro)} ${a.summary}`;
    return read(a, f);
  }
  if (intent.asks.has('eol') || intent.facet === 'eol') {
    // "rocky is supported until 2029 — which release is that?": no release typed, the year says which
    const years = [...f.text.matchAll(/\b(20\d{2})\b/g)].map((m) => m[1]!);
    const dated = defaulted ? distro.releases.filter((r) => r.eol && years.includes(r.eol.slice(0, 4))) : [];
    const chosen = dated.length === 1 ? dated[0]! : release;
    const a = eolAnswer(catalog, query, distro, chosen, f.lower, intent.yesNo);
    // "CentOS 8 images are EOL — move to CentOS Stream 8 or Stream 9?": every release named, each with its dates
    const others = distinct(f.releases)
      .filter((r) => r.release !== chosen && !r.defaulted)
      .slice(0, 3)
      .map((r) => eolAnswer(catalog, query, r.distro, r.release, f.lower, false).summary)
      .filter((line) => !a.summary.includes(line));
    if (others.length) a.summary = [a.summary, ...others].join(' ');
    // "when was it released and when does it end?": the release dates too
    if (intent.asks.has('status')) {
      const named = [{ distro, release: chosen }, ...distinct(f.releases).filter((r) => r.release !== chosen && !r.defaulted)];
      const released = named
        .filter((r) => r.release.released && !a.summary.includes(r.release.released))
        .map((r) => `${r.distro.name} ${r.release.version} was released ${r.release.released}.`);
      if (released.length) a.summary = [a.summary, ...released].join(' ');
    }
    return read(a, f);
  }
  if (intent.list && (intent.compat || /\b(sizes?|series|vms?)\b/.test(f.lower)))
    return read(distroSizesAnswer(catalog, query, distro, release, false, listFilter(catalog, f)), f);
  if (intent.asks.has('releases') && defaulted) return read(releasesAnswer(catalog, query, distro), f);
  // "and alma?" after a lineage question: the thread's question, about the new distro
  const carried = intent.followUp && !intent.facet && context.topic && DISTRO_TOPICS.has(context.topic) ? (context.topic as DistroFacet | 'releases') : null;
  if (carried === 'releases') return read(releasesAnswer(catalog, query, distro), f);
  if (carried === 'eol') return read(eolAnswer(catalog, query, distro, release, f.lower, false), f);
  if (carried === 'baseline' && context.level) return read(releaseLevelAnswer(catalog, query, distro, release, context.level as LevelName, 'need'), f);
  const facet: DistroFacet = intent.facet ?? carried ?? 'overview';
  const a = distroAnswer(catalog, query, distro, defaulted && release === catalog.newestRelease(distro) ? null : release, facet);
  // "what is it based on and what kernel does it use?": every facet asked, in one summary
  const more = FACETS_ASKED.filter((x) => x !== facet && x !== (facet === 'lineage' ? 'upstream' : facet) && intent.asks.has(x));
  if (more.length)
    a.summary = [
      a.summary,
      ...more.map((x) => distroAnswer(catalog, query, distro, defaulted && release === catalog.newestRelease(distro) ? null : release, x).summary),
    ].join(' ');
  // "what's mariner called now?": the name first
  const typed = f.e.distroTyped.get(distro);
  if (typed && /\b(called|renamed|rename|new name|now named)\b/.test(f.lower) && !keysOf(distro)[0]!.includes(keyOf(typed)))
    a.summary = `“${echo(typed)}” is now called ${distro.name}; its newest release is ${distro.name} ${catalog.newestRelease(distro).version}. ${a.summary}`;
  // "is CBL-Mariner the same thing as Azure Linux?": two names of one distribution
  const names = f.e.namesTyped.get(distro) ?? [];
  const other = names.find((n) => !keysOf(distro)[0]!.includes(keyOf(n)));
  if (asksSame(f) && other && names.length > 1 && f.releases.every((r) => r.distro === distro))
    a.summary = `Yes — “${echo(asTyped(f, other))}” and ${distro.name} are names of the same distribution. ${a.summary}`;
  return read(a, f);
}

/** "is Y the upstream of X?", "is Y X's parent?": the distribution asked about is named last. */
const UPSTREAM_OF = /\b(upstream|parent|base|origin|source|ancestor)\s+(of|for|to)\b|(?<!\bbased on )\b\w+'s (upstream|parent|base|origin)\b/;
/** "does it work like RHEL 7?", "is it similar to Fedora?": whether it comes from that distribution is asked. */
const LIKE_ASKED = /\b(?:(?:works?|behaves?|acts?) (?:just |exactly )?like|similar to)\s+$/;
/** "is it a clone of RHEL?": a rebuild is asked, not any descent. */
const REBUILD_ASKED = /\b(rebuild|rebuilds|rebuilt|clones?|clon|klon|klone|bug[- ]for[- ]bug|binary[- ]compatible)\b|クローン|克隆/;
/** "the same as", "identical to": asks whether two things are one. */
const SAME = /\b(same|identical|just|basically|essentially|rebranded|re-branded)\b/;
/** "is Azure Linux the same as Fedora?": a short yes/no question whether two names are one thing (a long text that
 * says "just" somewhere asks something else). */
function asksSame(f: Frame): boolean {
  return f.intent.yesNo && wordsOf(f.text).length <= 12 && SAME.test(f.lower);
}
/** A question word: a question ending in "?" without one asks yes or no ("Azure Linux 4 basiert auf Fedora?"). */
const QUESTION_WORD =
  /\b(what|which|where|who|how|why|when|welche[rsmn]?|wo|wie|woher|was|qu[eé]|cu[aá]l|quel(?:le)?s?|o[uù])\b|什么|什麼|哪|何|どの|どれ|что|какой|какая|какую|чём|чем|무엇|어떤/;
/** "is Fedora independent?", "is Debian its own root?" */
const INDEPENDENT_ASKED = /\b(independent|own root|a root distro\w*|from scratch)\b/;
/** "is Debian based on anything?": whether it has an upstream at all. */
const ANYTHING = /\b(anything|any other|something|another (?:distro|distribution)\w*)\b/;
/** The words that relate a distribution to its upstream: the ones asked about are named before them. */
const RELATION_WORD =
  /\b(similar to|(?:works?|behaves?|acts?) (?:just |exactly )?like|based|derived|derives?|derivatives?|fork(?:ed|s)?|clones?|clon|klon|klone|remix|respin|rebuil[dt]s?|downstream|descend\w*|built|branch(?:ed|es)?|comes?|made|upstream|parent|base|origin|source)\b|基于|基於|衍生|派生|ベース|クローン|основан|basad|basiert|basé|est basé/;
/** "which Fedora release is it built from?", "what version of Debian …": the upstream's release is the answer. */
const WHICH_RELEASE = /^\W*(which|what)\b[^?]{0,40}\b(versions?|releases?)\b/;

/** "Is Azure Linux 3 based on Fedora?", "is Rocky 9 a CentOS Stream clone?", "which Fedora version is AZL 4 built
 * from?": a yes/no (or which-release) upstream question about one distribution and another, answered first. */
function basedOn(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer | null {
  if (f.targets.length || f.levels.length || f.intent.asks.has('difference') || !f.releases.length) return null;
  const upstream = f.intent.asks.has('upstream') || f.intent.asks.has('lineage');
  // "is Fedora independent?", "is Debian based on anything?": one distribution, asked whether it is its own root
  const own = INDEPENDENT_ASKED.test(f.lower) ? 'independent' : upstream && ANYTHING.test(f.lower) ? 'anything' : null;
  if (!upstream && !own) return null;
  // "Azure Linux 4 basiert auf Fedora?": a question without a question word asks yes or no
  const yesNo = f.intent.yesNo || (/[?？]\s*$/.test(f.text) && !QUESTION_WORD.test(f.lower));
  const named = byPosition(catalog, f);
  const bad = (d: NamedDistro['distro']) => f.e.badReleases.find((b) => b.distro === d);
  const relation: AskedRelation = REBUILD_ASKED.test(f.lower) ? 'rebuild' : 'any';
  if (named.length === 1 && yesNo && own && !bad(named[0]!.distro))
    return read(basedOnAnswer(catalog, query, { subjects: [named[0]!], asked: [], relation, whichRelease: false, plain: false, own }), f);
  if (!upstream) return null;
  // "is Kali Linux based on Debian?": a distribution the data does not hold is said, not answered for
  if (named.length === 1 && yesNo && f.unknownDistros.length) {
    const a = distroAnswer(catalog, query, named[0]!.distro, named[0]!.defaulted ? null : named[0]!.release, 'upstream');
    a.summary = `I have no data on ${listOf(f.unknownDistros.map(echo))}, so I cannot say what it is based on. What I know of ${named[0]!.distro.name}: ${a.summary}`;
    return read(a, f);
  }
  // "is it based on Fedora?" in a thread about Azure Linux 3.0: the thread's release takes the pronoun's place in the
  // sentence ("is Azure Linux 4 based on it?" after Fedora 43 asks about Fedora as the upstream); "its" ("is Fedora its
  // upstream?") names the thread's release as the one asked about
  const ctx = named.length === 1 && f.intent.pronoun ? contextRelease(catalog, context) : null;
  if (ctx && ctx.distro !== named[0]!.distro) {
    const p = pronounAt(f.lower, named[0]!);
    // (a distribution with one release is that release: asked as when named without a version)
    const defaulted = ctx.distro.releases.length === 1;
    named.splice(p && p.at > named[0]!.at ? 1 : 0, 0, { distro: ctx.distro, release: ctx.release, defaulted, at: p?.at ?? -1, end: p?.end ?? -1 });
  }
  if (named.length < 2) return null;
  // "what Fedora version is AZL 4 built from?", "which fedora is CentOS Stream 9 based on?": the distribution named
  // after "which" is the one whose release is asked
  const which = WHICH_RELEASE.exec(f.lower);
  const afterWhich = [...f.lower.matchAll(/\b(?:which|what)\s+/g)].map((m) => m.index + m[0].length);
  const upstreamAsked = named.find((n) => n.defaulted && ((which && n.at > which.index) || afterWhich.includes(n.at)));
  // the distributions asked about come before the relation word, their upstreams after it ("are Rocky and Alma based
  // on RHEL?"); "is Fedora the upstream of RHEL?" the other way round; with every name on one side, the first is asked
  const cue = RELATION_WORD.exec(f.lower);
  // "a RHEL clone", "fedora-based", "a Fedora remix": a name right before the relation word, used as a noun (no "of",
  // "from", "on" after it), is the upstream
  const noun = cue && !/^(?:similar|works?|behaves?|acts?)\b/.test(cue[0]) && !/^\S*\s+(?:of|from|on|off|to)\b/.test(f.lower.slice(cue.index));
  const adjunct = (n: (typeof named)[number]) => Boolean(cue && noun && n.end <= cue.index && /^[\s-]*$/.test(f.lower.slice(n.end, cue.index)));
  const before = cue ? named.filter((n) => n.at < cue.index && !adjunct(n)) : [];
  const after = cue ? named.filter((n) => n.at >= cue.index || adjunct(n)) : [];
  const first = named.find((n) => !adjunct(n)) ?? named[0]!;
  const split = before.length && after.length ? (UPSTREAM_OF.test(f.lower) ? [after, before] : [before, after]) : [[first], named.filter((n) => n !== first)];
  const [subjects, all] = upstreamAsked ? [named.filter((n) => n !== upstreamAsked), [upstreamAsked]] : (split as [typeof named, typeof named]);
  // "a RHEL derivative like Rocky?": a distribution named as an example is not an upstream asked about
  // ("does Azure Linux work like RHEL 7?" asks whether it is RHEL-like: the name after "works like" is asked)
  const others = all.filter(
    (n) => !/\b(like|unlike|such as|as with|similar to|as)\s+$/.test(f.lower.slice(0, n.at)) || LIKE_ASKED.test(f.lower.slice(0, n.at)),
  );
  if (!others.length) return null;
  if (subjects.some((n) => bad(n.distro))) return null;
  const asked = others.map((n): AskedDistro => {
    const typed = bad(n.distro)?.typed;
    return typed
      ? { distro: n.distro, version: typed, release: null }
      : { distro: n.distro, version: n.defaulted ? null : n.release.version, release: n.defaulted ? null : n.release };
  });
  // "what is Azure Linux 3 based on, Fedora or Photon?": no yes or no asked, but a choice among distributions upstream
  const plain = !yesNo && !upstreamAsked;
  const reaches = () => upstreamsOf(catalog, subjects[0]!.release).some((r) => asked.some((x) => x.distro.id === r.distro));
  // (a short question naming, after the one asked about, a distribution that is upstream of it or asked alone: "what
  // is AZL 4 based on? is it Fedora?", "what is AZL 4 based on, RHEL?"; not "what are Rocky 9 and RHEL 9 based on?",
  // which asks both, nor "what is Rocky 9 based on and what is Alma 9 based on?", each answered below)
  const side = !after.length ? before : !before.length ? after : [];
  const between = side.length > 1 ? f.lower.slice(side[0]!.at, side[side.length - 1]!.at) : '';
  const allAsked = /\band\b|&/.test(between) && !/\bor\b/.test(between);
  const alone = !/\b(what|which|how|when)\b/.test(f.lower.slice((cue?.index ?? 0) + 1));
  if (plain && !(/\b(what|which)\b/.test(f.lower) && wordsOf(f.text).length <= 16 && !allAsked && (alone || reaches()))) return null;
  const a = basedOnAnswer(catalog, query, { subjects, asked, relation, whichRelease: upstreamAsked !== undefined, plain, own: null });
  // "… and when does it reach end of life?": every other facet asked, about the release asked about
  const more = FACETS_ASKED.filter((x) => x !== 'upstream' && f.intent.asks.has(x));
  const subject = subjects[0]!;
  if (more.length)
    a.summary = [a.summary, ...more.map((x) => distroAnswer(catalog, query, subject.distro, subject.defaulted ? null : subject.release, x).summary)].join(' ');
  return read(a, f);
}

/** Where "it", "this" or "that" stands in the text, outside the distribution named there; not "its" (the thread's
 * release is then the one asked about, as when no pronoun is placed). */
function pronounAt(lower: string, named: { at: number; end: number }): { at: number; end: number } | undefined {
  for (const m of lower.matchAll(/\b(?:it|this|that)\b(?!['’]s\b)/g))
    if (m.index + m[0].length <= named.at || m.index >= named.end) return { at: m.index, end: m.index + m[0].length };
  return undefined;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits, every other run one space, with where each character was in the text. */
function spaced(lower: string): { text: string; at: number[] } {
  let text = '';
  let space = false;
  const at: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const c = ch.charCodeAt(0);
    const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : WORD_CHAR.test(ch);
    if (!word && space) continue;
    text += word ? ch : ' ';
    space = !word;
    at.push(i);
  }
  return { text, at };
}

/** A name as byPosition looks for it: lower case, spaced. */
function spacedName(name: string): string {
  return spaced(name.toLowerCase()).text.trim();
}

/** Each distribution's name and aliases, spaced, worked out once. */
const SPACED_NAMES = new WeakMap<NamedDistro['distro'], string[]>();
function spacedNames(d: NamedDistro['distro']): string[] {
  let names = SPACED_NAMES.get(d);
  if (!names) SPACED_NAMES.set(d, (names = [d.name, ...d.aliases].map(spacedName)));
  return names;
}

/** A name as the question spells it ("CBL-Mariner"), found by its lower-case form. */
function asTyped(f: Frame, lower: string): string {
  const at = f.lower.indexOf(lower.toLowerCase());
  return at >= 0 ? f.text.slice(at, at + lower.length) : lower;
}

/** Each distribution named once, in the order typed (a release typed for it, else its newest; `badReleases` says
 * which were typed with a release the data lacks). */
function byPosition(catalog: Catalog, f: Frame): Array<NamedDistro & { at: number; end: number }> {
  // a release the data lacks ("Fedora 34") names its distribution too
  const lacking = f.e.badReleases.filter(
    (b, i) => !f.releases.some((r) => r.distro === b.distro) && f.e.badReleases.findIndex((x) => x.distro === b.distro) === i,
  );
  const each = [
    ...f.releases.filter((r, i) => f.releases.findIndex((x) => x.distro === r.distro) === i),
    ...lacking.map((b) => ({ distro: b.distro, release: b.distro.releases[0]!, defaulted: true })),
  ];
  // "is AZL 4 fedora-based?": a distribution's name glued to "based"
  if (f.lower.includes('-based'))
    for (const m of f.lower.matchAll(/([\p{L}\p{N}]+)-based\b/gu)) {
      const d = catalog.distroByKey.get(keyOf(m[1]!));
      if (d && !each.some((r) => r.distro === d)) each.push({ distro: d, release: catalog.newestRelease(d), defaulted: true });
    }
  // where each was typed, longest names first: a name inside a longer one ("Azure Linux" in "Azure Linux with OS
  // Guard") is that one's, and a distribution typed only inside another's name is not named
  const text = spaced(f.lower);
  // a release read by a correction ("centos 9" as CentOS Stream 9) was typed as the correction says
  const corrected = (r: (typeof each)[number]) => f.e.corrections.filter((x) => x.meant === `${r.distro.name} ${r.release.version}`).map((x) => x.typed);
  const names = (r: (typeof each)[number]) => [
    ...spacedNames(r.distro),
    ...[...(f.e.namesTyped.get(r.distro) ?? []), f.e.distroTyped.get(r.distro) ?? '', ...corrected(r)].map(spacedName),
  ];
  const typed: Array<{ r: (typeof each)[number]; t: string }> = [];
  for (const r of each) for (const t of names(r)) typed.push({ r, t });
  typed.sort((a, b) => b.t.length - a.t.length);
  const taken: Array<[number, number]> = [];
  const at = new Map<NamedDistro, number>();
  const end = new Map<NamedDistro, number>();
  const inside = new Set<NamedDistro>();
  // whole words first ("el" is not the one in "delridge"), then anywhere ("azurelinux4")
  for (const whole of [true, false])
    for (const { r, t } of typed) {
      if (at.has(r) || !t) continue;
      for (let i = text.text.indexOf(t); i >= 0; i = text.text.indexOf(t, i + 1)) {
        if (whole && (/[a-z0-9]/.test(text.text[i - 1] ?? '') || /[a-z0-9]/.test(text.text[i + t.length] ?? ''))) continue;
        if (taken.some(([s, e]) => i < e && i + t.length > s)) {
          inside.add(r);
          continue;
        }
        taken.push([i, i + t.length]);
        at.set(r, text.at[i]!);
        end.set(r, text.at[i + t.length - 1]! + 1);
        break;
      }
    }
  return each
    .map((r, i) => ({ r, i, at: at.get(r) ?? (inside.has(r) ? -2 : f.lower.length) }))
    .filter((x) => x.at !== -2)
    .sort((x, y) => x.at - y.at || x.i - y.i)
    .map(({ r, at }) => Object.assign({}, r, { at, end: end.get(r) ?? at }));
}

/** A level named with a release: is it the release's need ("does RHEL 10 need v3?"), or a machine at that level
 * ("I have a v2 server, can't upgrade to RHEL 10"), or a machine without it ("a CPU without AVX2")? */
function levelMode(f: Frame): 'need' | 'run' | 'run-without' {
  const machine =
    /\b(i have|my|our|upgrade|install)\b|\bon (?:an?|the|my|our|this|that) (?:old(?:er)? )?(?:cpu|processor|machine|box|host|server|laptop|pc)\b|(?:cpu|processor|处理器|プロセッサ|프로세서)\s*(?:で|上|에서)|\b(?:en|sur|auf) (?:un|une|una|einem|einer) (?:cpu|procesador|processeur|prozessor)/.test(
      f.lower,
    );
  const runs = (f.intent.asks.has('verdict') || machine) && !f.intent.asks.has('baseline');
  return runs && /\b(without|lacks?|lacking|no|missing|older|old)\b/.test(f.lower) ? 'run-without' : runs ? 'run' : 'need';
}

/** "does rocky 10 have an x86-64-v2 build like alma?": a separate build for the level named, release by release. */
function separateBuild(catalog: Catalog, query: string, f: Frame): Answer | null {
  const level = f.levels[0];
  const first = f.releases[0];
  if (
    !level ||
    !first ||
    !/\b(builds?|variants?|flavou?rs?|ports?|isos?|editions?)\b/.test(f.lower) ||
    !/\b(have|has|ship|ships|offer|offers|provide|provides|there)\b/.test(f.lower)
  )
    return null;
  const lines = distinct(f.releases).map(({ distro: d, release: r }) => {
    const name = `${d.name} ${r.version}`;
    const need = requiredLevel(r);
    if (r.altBuildBaseline === level) return `Yes — ${name} ships a separate ${level} build (its main build needs ${need}).`;
    if (need === level) return `Yes — ${name}'s own build needs ${level}.`;
    return `No — ${name} has no separate ${level} build: it needs ${need ?? 'no documented level'}${r.altBuildBaseline ? ` (its separate build is ${r.altBuildBaseline})` : ''}.`;
  });
  const a = distroAnswer(catalog, query, first.distro, first.release, 'baseline');
  a.summary = lines.join(' ');
  return read(a, f);
}

/** "which fedora releases are still supported?": the releases still supported, with their dates, then the ended ones. */
function supportedReleases(distro: NamedRelease['distro']): string {
  const now = today();
  const ended = distro.releases.filter((r) => isPastEol(r, now));
  const live = distro.releases.filter((r) => !ended.includes(r));
  const until = (r: (typeof live)[number]) =>
    r.eol && r.eol < now && r.extendedSupport
      ? ` (${r.extendedSupport.name} until ${r.extendedSupport.until})`
      : r.eol
        ? ` (until ${r.eol})`
        : r.status === 'preview'
          ? ' (preview)'
          : '';
  const last = (r: (typeof live)[number]) => r.extendedSupport?.until ?? r.eol;
  return `${distro.name} releases still supported: ${live.map((r) => `${r.version}${until(r)}`).join(', ') || 'none'}${ended.length ? `; ended: ${ended.map((r) => `${r.version} (${last(r)})`).join(', ')}` : ''}.`;
}

/** Facets that can be asked together about one release, in the order they are answered. */
const FACETS_ASKED = ['upstream', 'kernel', 'package-manager', 'eol', 'status', 'arches'] as const satisfies readonly DistroFacet[];

/** A how-to-check question about the machine's CPU, not about a release's own facts ("how do I check RHEL 9's kernel"). */
const CHECKS_CPU = /\b(cpu|processor|server|machine|hardware|host|box|vm|can run|supports?|x86-64)\b/;

/** Words that ask whether something has ended, not whether it is supported. */
const ENDED = /\b(eol|end of life|end-of-life|eoled|retired|dead|discontinued|over|ended)\b/;

/** How many releases a distribution's lifecycle covers when no version is typed: its newest released ones. */
const RECENT_RELEASES = 3;

/** "When does CentOS reach end of life?": a distribution's lifecycle asked without a version covers the releases it
 * plausibly means, its newest released ones (not a preview), when their dates differ; not the newest alone. */
function lifecycleOfDistro(catalog: Catalog, query: string, f: Frame): Answer | null {
  // "is CentOS still supported?" asks the end of life as a yes/no
  const facet = f.intent.facet === 'eol' || f.intent.facet === 'status' ? f.intent.facet : f.intent.asks.has('eol') && !f.intent.facet ? 'eol' : null;
  if (!facet || f.targets.length || f.releases.length !== 1 || !f.releases[0]!.defaulted) return null;
  // "supported until 2029, which release is that?": a year picks its release (release-questions.ts)
  if (/\b20\d\d\b/.test(f.lower)) return null;
  const distro = f.releases[0]!.distro;
  const now = today();
  const released = distro.releases.filter((r) => r.status !== 'preview' && !(r.released && r.released > now)).slice(0, RECENT_RELEASES);
  if (released.length < 2 || new Set(released.map((r) => `${r.eol}|${r.extendedSupport?.until}`)).size < 2) return null;
  const a = several(catalog, query, { ...f, releases: released.map((release) => ({ distro, release, defaulted: false })) }, facet);
  if (f.intent.yesNo) {
    // yes when every one is supported, no when none is, else which ones are
    const live = released.filter((r) => !isPastEol(r, now) && !endedCaveat(r));
    const name = (r: (typeof released)[number]) => `${distro.name} ${r.version}`;
    const ended = released.filter((r) => !live.includes(r));
    // "is CentOS end of life?" asks the other way round from "is CentOS still supported?"
    const asksEnded = ENDED.test(f.lower);
    const lead = !live.length
      ? `${asksEnded ? 'Yes' : 'No'} — ${listOf(released.map(name))} ${released.length > 2 ? 'have all' : released.length > 1 ? 'have both' : 'has'} reached end of life.`
      : !ended.length
        ? `${asksEnded ? 'No' : 'Yes'} — ${listOf(released.map(name))} ${released.length > 2 ? 'are all' : released.length > 1 ? 'are both' : 'is'} supported.`
        : `It depends on the release — ${listOf(live.map(name))} ${live.length > 1 ? 'are' : 'is'} supported; ${listOf(ended.map(name))} ${ended.length > 1 ? 'have' : 'has'} reached end of life.`;
    a.summary = `${lead} ${a.summary}`;
  }
  return a;
}

/** The same facet for several releases: one summary line each, the first one's facts. Every other facet asked ("is
 * it based on RHEL, and when does it reach EOL?") follows, facet by facet, so none is dropped. */
function several(catalog: Catalog, query: string, f: Frame, asked: DistroFacet): Answer {
  // the status line carries the end of life too: "released …, end of life …" once, not twice
  const facet = asked === 'eol' && f.intent.asks.has('status') ? 'status' : asked;
  const more = FACETS_ASKED.filter(
    (x) => x !== facet && x !== (facet === 'lineage' ? 'upstream' : facet) && !(facet === 'status' && x === 'eol') && f.intent.asks.has(x),
  );
  // "azure linux 4 upstream fedora": a distribution named without a release that is upstream of another one named is
  // part of that one's answer, not a question about its own newest release
  // (named after the relation word, the other before it: "what are Rocky 9 and RHEL based on?" asks both)
  const named = distinct(f.releases);
  const cue = facet === 'upstream' || facet === 'lineage' ? RELATION_WORD.exec(f.lower) : null;
  const spots = cue ? byPosition(catalog, f) : [];
  const side = (r: NamedRelease) => {
    const at = spots.find((x) => x.distro === r.distro)?.at;
    return at === undefined || !cue ? 0 : at < cue.index ? -1 : 1;
  };
  const upstreamOfAnother = (r: NamedRelease) =>
    cue !== null &&
    r.defaulted &&
    side(r) === 1 &&
    named.some((o) => o !== r && side(o) === -1 && upstreamsOf(catalog, o.release).some((u) => u.distro === r.distro.id));
  const kept = named.filter((r) => !upstreamOfAnother(r));
  // a release typed by a former name ("CBL-Mariner": 2.0) is that release, not the newest
  const which = (r: NamedRelease) => (r.defaulted && r.release === catalog.newestRelease(r.distro) ? null : r.release);
  const answers = (kept.length ? kept : named).map((r) => distroAnswer(catalog, query, r.distro, which(r), facet));
  const extra = more.flatMap((x) => distinct(f.releases).map((r) => distroAnswer(catalog, query, r.distro, which(r), x).summary));
  const first = answers[0]!;
  return read(
    {
      ...first,
      summary: [...answers.map((a) => a.summary), ...extra].join(' '),
      sources: uniqueSources(first.sources, ...answers.slice(1).map((a) => a.sources.slice(0, 2))),
    },
    f,
  );
}

/** "which sizes have an EPYC 9004?": the current series that may land on any of these processors. */
function seriesOn(catalog: Catalog, cpus: ReadonlyArray<Frame['e']['cpus'][number]>): string {
  const series = catalog.series.filter((s) => s.record.retirement?.status !== 'retired' && s.cpus.some((x) => cpus.includes(x))).map((s) => s.record.series);
  const names = listOf([...new Set(cpus.map((x) => x.model.model))]);
  return series.length
    ? `${series.length} current Azure series may land on ${names}: ${series.slice(0, 15).join(', ')}${series.length > 15 ? ` and ${series.length - 15} more` : ''}.`
    : `No current Azure series documents ${names}.`;
}

/** "which CPU does Dv3 run on?", "the CPU SKU is wrong — it says 8272CL": the processors are what is asked. */
function asksProcessors(f: Frame): boolean {
  // "Lsv and Lasv (I think Intel, AMD)": a vendor named beside machines asks whose processors they are
  return (
    f.intent.asks.has('processors') ||
    f.e.cpus.length > 0 ||
    f.e.codenames.length > 0 ||
    /\b(intel|amd|ampere|xeon|epyc|vendor|manufacturer|who makes)\b/.test(f.lower)
  );
}

/** "Does Azure Linux 3 support Gen1 VMs?": the Hyper-V generations its Azure images are documented for. */
function releaseGenerations(name: string, gens: ReadonlyArray<1 | 2> | null | undefined, lower: string): string {
  const want = /\bgen(?:eration)?[\s_-]*([12])\b/.exec(lower);
  const g = want ? Number(want[1]) : null;
  if (!gens?.length)
    return `Not stated — the sources do not say which Hyper-V generations ${name}'s Azure images support; the VM size's own generations still apply.`;
  const text = gens.map((x) => `Generation ${x}`).join(' and ');
  if (g === null) return `${name}'s Azure images are ${text}${gens.length === 1 ? ' only' : ''}.`;
  return gens.includes(g as 1 | 2)
    ? `Yes — ${name}'s Azure images support Generation ${g} (${text}).`
    : `No — ${name}'s Azure images are ${text} only, so a Generation ${g}-only size cannot run it.`;
}

/** The answer states Hyper-V generations ("Gen 1", "Generation 2", or that no Hyper-V generation is documented) in
 * its summary or facts. */
function saysGenerations(a: Answer): boolean {
  return [a.summary, ...a.facts.flatMap((x) => [x.label, x.value])].some((t) => /\bGen(?:eration)? [12]\b|\bHyper-V generation/i.test(t));
}

/** Words that ask about Hyper-V generations: "Gen 2", "generation-1", "generations" (not a CPU's "latest generation
 * 2.4 GHz"). */
const GENERATION_ASKED = /\b(gen[- ]?[12](?![\d.])|generation[- ]?[12](?![\d.])|generations|hyper-?v gen\w*)\b/;

/** Machines side by side, each with the clause that asks something of it ("When is the Dv2 series retired, and do Dv3
 * and Dv4 support Gen 2?": Dv2 with the retirement, Dv3 and Dv4 with the generations); every machine, with the whole
 * question, when no clause that asks it names one. */
function askedOf(targets: Target[], lower: string, asks: (clause: string) => boolean): Array<[Target, string]> {
  if (!asks(lower)) return [];
  const clauses = lower.split(/[,;?.!]|\band\b(?=\s+(?:do|does|is|are|can|what|which|how|when)\b)/).filter(asks);
  const named = (t: Target, clause: string) => keyOf(clause).includes(keyOf(t.label.replace(/^standard_/i, '')));
  const asked = targets.flatMap((t): Array<[Target, string]> => {
    const clause = clauses.find((c) => named(t, c));
    return clause ? [[t, clause]] : [];
  });
  return asked.length ? asked : targets.map((t) => [t, lower]);
}

/** "Is Standard_D4s_v3 gen 2?": the Hyper-V generation answer that opens a machine answer. */
function generationVerdict(target: Target, lower: string): string {
  const rec = target.series.record;
  const gens = rec.generations;
  const text = generationsText(gens, rec.generationsComplete);
  const want = /\bgen(?:eration)?[\s_-]*([12])\b/.exec(lower);
  const g = want ? (Number(want[1]) as 1 | 2) : null;
  if (!gens || gens.length === 0) return `Not stated: the docs give no Hyper-V generation for ${target.label}.`;
  if (g === null) return `${target.label} supports ${text}.`;
  if (gens.includes(g)) return `Yes — ${target.label} supports Generation ${g} (${text}).`;
  return rec.generationsComplete ? `No — ${target.label} supports only ${text}.` : `Not stated — the docs give only ${text} for ${target.label}.`;
}

/** "which AMD sizes guarantee v4?": one vendor named, without a model number. */
function vendorNamed(lower: string): 'AMD' | 'Intel' | undefined {
  const amd = /\b(amd|epyc)\b/.test(lower);
  const intel = /\b(intel|xeon)\b/.test(lower);
  return amd === intel ? undefined : amd ? 'AMD' : 'Intel';
}

/** "D2" could be several sizes: ask which. "ND96asr" names exactly one: no question, read it as that size. */
function whichSize(catalog: Catalog, query: string, f: Frame, context: ConversationContext): Answer | null {
  const a = ambiguousSize(catalog, query, f.e, f.text);
  // "can I run Ubuntu 26.04 on a B2s?" asks which B2s; the thread keeps the release for the answer ("and on B2s v2?")
  const rel = f.releases.find((r) => !r.defaulted);
  if (a?.kind === 'clarify' && rel) a.context = { ...a.context, topic: 'compat', distro: rel.distro.id, release: rel.release.version };
  const unknown = f.e.unknown[0];
  if (a?.kind === 'clarify' && a.choices.length === 1 && unknown && !f.e.sizes.length) {
    const typed = new RegExp(unknown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    return plan(catalog, query, frameOf(catalog, f.text.replace(typed, a.choices[0]!)), context);
  }
  return a;
}
