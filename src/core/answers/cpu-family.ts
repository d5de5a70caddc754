// Answers about processors Azure's list does not name, recognised by a model-number family rule
// (src/core/cpu-family.ts), and about processors nothing recognises: how to check them.
import type { Answer } from '../answer.js';
import type { Catalog, CpuInfo } from '../catalog.js';
import type { CpuFamilyMatch } from '../cpu-family.js';
import { LEVELS } from '../levels.js';
import { echo, keyOf, listOf } from '../text.js';
import { fact, finish, levelSources, uniqueSources } from './build.js';

/** How to read the level inside a machine: the same lines wherever the bot cannot know the CPU. */
export const HOW_TO_CHECK = [
  'Inside the machine, run `/lib64/ld-linux-x86-64.so.2 --help` (or `ld.so --help`, glibc 2.33 or newer): the `x86-64-vN (supported, searched)` lines are the levels this machine reaches, after the hypervisor.',
  'Or paste its flags: `grep -m1 ^flags /proc/cpuinfo`, then `/cpulevel flags <the flags>`.',
  '`grep -m1 "model name" /proc/cpuinfo` names the processor; a virtual CPU model such as kvm64 or qemu64 hides the host’s newer features.',
];

const VM_CAVEAT =
  'A VM can expose fewer features than its processor (a virtual CPU model such as kvm64 or qemu64, some Hyper-V compatibility modes): inside the machine, `ld.so --help` is the final word.';

/** Azure's own record for the model a family rule found, when Azure documents it: Azure's records are
 * more specific (exact feature lists, its own size pages), so they keep priority. A record the entity
 * finder matched counts only when it is on the rule's microarchitecture: "E5-2660 v3" (Haswell) must not
 * be read as Azure's E5-2660 (Sandy Bridge). */
export function azureRecordFor(catalog: Catalog, m: CpuFamilyMatch, found: CpuInfo[]): CpuInfo | null {
  const bare = m.model.replace(/^(Intel|AMD)\s+/i, '');
  for (const name of [m.model, bare, m.typed]) {
    const hit = catalog.cpuByKey.get(keyOf(name));
    if (hit && hit.length === 1) return hit[0]!;
  }
  const first = found[0];
  return first && first.model.microarchitecture === m.family.rule.microarchitecture ? first : null;
}

/** Azure series whose documented processors map to the same archspec node. */
function azureSeriesOn(catalog: Catalog, node: string): { series: string[]; processors: string[] } {
  const series = catalog.series.filter((s) => s.record.retirement?.status !== 'retired' && s.cpus.some((c) => c.model.microarchitecture === node));
  const processors = [...new Set(series.flatMap((s) => s.cpus.filter((c) => c.model.microarchitecture === node).map((c) => c.model.model)))];
  return { series: series.map((s) => s.record.series), processors };
}

/** Why a processor a family rule knows has its level, for an answer that has said the level (and the codename)
 * already (`codenameSaid`: and its codename): "Its model number makes it Intel Core i3/i5/i7 (4th generation); archspec’s haswell features reach that
 * level." A virtual CPU model: its fixed feature set. */
export function familyReason(m: CpuFamilyMatch, codenameSaid = false): string {
  const { rule, node } = m.family;
  if (rule.kind === 'virtual-cpu') return 'This virtual CPU model shows the guest a fixed feature set, whatever the host.';
  const generation = /\sv\d$/.test(m.model) ? ` The “${m.model.slice(-2)}” is Intel’s generation, not the level.` : '';
  const nodeText = node ? `archspec’s ${node.name}${rule.microarchitectureExact ? '' : ' (nearest)'} features` : 'its feature list';
  return `${/\d{3}/.test(m.typed) ? 'Its model number' : 'Its generation'} makes it ${rule.family}${codenameSaid ? '' : `, ${rule.codename}`}; ${nodeText} reach that level.${generation}`;
}

export function cpuFamilyAnswer(catalog: Catalog, query: string, m: CpuFamilyMatch): Answer {
  const { rule, node, level, missingForNext } = m.family;
  const next = level ? LEVELS[LEVELS.indexOf(level) + 1] : undefined;
  let summary: string;
  const reason = familyReason(m);
  if (!m.family.fixedFeatures) {
    summary = `With ${m.model} the guest sees the host’s own processor, so its level is the host’s: check inside the guest.`;
  } else if (!level) {
    summary = `${m.model} (${rule.codename}) has no 64-bit mode: no x86-64 level applies.`;
  } else {
    summary = `${m.model} is ${level}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  }
  const azure = node ? azureSeriesOn(catalog, node.name) : { series: [], processors: [] };
  const shown = azure.series.slice(0, 12);
  const seriesText = azure.series.length
    ? `${shown.join(', ')}${azure.series.length > shown.length ? ` and ${azure.series.length - shown.length} more` : ''}`
    : node
      ? 'none'
      : null;
  return finish({
    kind: 'cpu',
    query,
    title: m.model,
    summary,
    processor: m.model,
    arch: 'x64',
    level,
    facts: [
      ...fact('Family', rule.family),
      ...fact('Codename', rule.codename),
      ...fact('Microarchitecture', node ? `${node.name}${rule.microarchitectureExact ? '' : ' (nearest archspec node)'}` : 'none: a virtual CPU model'),
      ...fact('x86-64 level', m.family.fixedFeatures ? (level ?? 'none (no 64-bit mode)') : 'the host’s'),
      ...(next && missingForNext.length ? fact(`Missing for ${next}`, missingForNext.join(' ')) : []),
      ...fact(
        'Basis',
        rule.kind === 'virtual-cpu'
          ? `the feature list ${rule.vendor} defines for this virtual CPU; no Azure size page is involved`
          : `the model-number rule for ${rule.family} and archspec’s features; no Azure size page names this processor`,
      ),
      ...fact('Azure series with a processor on this microarchitecture', seriesText),
    ],
    sections: [
      ...(azure.processors.length ? [{ title: `Azure processors on archspec’s ${node!.name} node`, lines: [listOf(azure.processors)] }] : []),
      ...(m.family.fixedFeatures ? [] : [{ title: 'How to check', lines: HOW_TO_CHECK }]),
    ],
    caveats: [...rule.caveats, ...(rule.kind === 'processor' ? [VM_CAVEAT] : [])],
    sources: uniqueSources(rule.sources, levelSources(catalog)),
    context: { cpu: m.model },
  });
}

/** Words every processor name may share, which make no two processors alike. */
const GENERIC = new Set(['intel', 'model', 'stated', 'processor', 'core', 'with']);

/** A processor nothing recognises: say so, and how to find its level on the machine itself. */
export function unknownCpuAnswer(query: string, typed: string, candidates: string[]): Answer {
  // only names that share a brand or a model number with what was typed: "Athlon 64 X2" is no EPYC
  const marks = (t: string) => new Set((t.toLowerCase().match(/\d{3,}|[a-z]{4,}/g) ?? []).filter((w) => !GENERIC.has(w)));
  const typedMarks = marks(typed);
  const suggestions = candidates.filter((c) => [...marks(c)].some((w) => typedMarks.has(w)));
  return finish({
    kind: 'not-found',
    query,
    title: 'Processor not recognised',
    summary: `I don't recognise the processor \`${echo(typed)}\`: it is not one Azure documents and no model-number rule I know matches it.${
      suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : ''
    } To find its level, check on the machine itself (below).`,
    suggestions,
    sections: [{ title: 'How to check', lines: HOW_TO_CHECK }],
  });
}
