// Whose processors a size or series runs on: the yes / no / it depends that opens "is D2ads_v6 AMD?", and the
// qualifier ("arm64 sizes", "AMD series", "v6 sizes") that narrows a list of series.
import type { Catalog, SeriesInfo } from '../catalog.js';
import type { Target } from '../targets.js';
import { listOf } from '../text.js';
import { codenameBeside } from './build.js';

/** A vendor or architecture, as a question names it. */
export interface Brand {
  /** as answers say it */
  name: string;
  /** a processor of this brand */
  has(cpu: SeriesInfo['cpus'][number]): boolean;
}

const BRANDS: ReadonlyArray<readonly [RegExp, Brand]> = [
  [/\b(amd|epyc)\b/, { name: 'AMD', has: (c) => c.model.vendor === 'AMD' }],
  [/\b(intel|xeon)\b/, { name: 'Intel', has: (c) => c.model.vendor === 'Intel' }],
  [/\b(ampere|altra)\b/, { name: 'Ampere', has: (c) => c.model.vendor === 'Ampere' }],
  [/\bcobalt\b/, { name: 'Cobalt', has: (c) => c.model.vendor === 'Microsoft' }],
  [/\b(arm|arm64|aarch64|armv[89](?:\.\d)?(?:-a)?)\b/, { name: 'Arm64', has: (c) => c.model.arch === 'Arm64' }],
  // "x86", "x64", "amd64", "x86_64" — not a level ("x86-64-v3")
  [/\b(?:x86(?![-_]?64)|x64|amd64|x86[-_]?64(?![-_]?v\d))\b/, { name: 'x86-64', has: (c) => c.model.arch === 'x64' }],
];

/** Every vendor or architecture the words name, in the order of BRANDS. */
export function brandsNamed(lower: string): Brand[] {
  const out: Brand[] = [];
  for (const [re, brand] of BRANDS) if (re.test(lower)) out.push(brand);
  return out;
}

/** "Is the Standard_D2ads_v6 AMD?": Yes when every documented processor is that brand's, No when none is, It depends
 * when the series lands on both; "AMD or Intel?" names the brand. Null when the words name no brand. */
export function brandVerdict(t: Target, lower: string, named: readonly Brand[] = []): string | null {
  const asked = [...brandsNamed(lower), ...named];
  if (!asked.length) return null;
  const cpus = t.series.cpus;
  const said = processorsSaid(t);
  if (!cpus.length) return `Unknown — the docs name no processor for ${t.label}, so its vendor is not documented.`;
  const brandsOf = (b: Brand) => cpus.filter((c) => b.has(c)).length;
  if (asked.length > 1) {
    // "AMD or Intel?": the brands it lands on, among those asked
    const on = asked.filter((b) => brandsOf(b) > 0);
    const lead =
      on.length === 1
        ? `${on[0]!.name}`
        : on.length > 1
          ? `Both ${listOf(on.map((b) => b.name))}`
          : `Neither ${listOf(
              asked.map((b) => b.name),
              'nor',
            )}`;
    return `${lead} — ${said}`;
  }
  const brand = asked[0]!;
  const n = brandsOf(brand);
  if (n === cpus.length) return `Yes — ${said}`;
  if (n === 0) return `No — ${said}`;
  return `It depends — ${t.label} may land on ${brand.name} and other processors, and a VM does not pick which: ${listOf(cpus.map(oneCpu))}.`;
}

function oneCpu(c: SeriesInfo['cpus'][number]): string {
  const beside = codenameBeside(c.model.model, c.model.codename);
  return `${c.model.model} (${beside ? `${beside}, ` : ''}${c.model.arch === 'Arm64' ? 'Arm64' : (c.level ?? 'below x86-64-v1')})`;
}

/** "Dv3 may land on Intel Xeon E5-2673 v3 (Haswell, x86-64-v3), …": every processor with its codename and level. */
export function processorsSaid(t: Target): string {
  const cpus = t.series.cpus;
  if (!cpus.length) return `${t.label}: no processor is documented.`;
  return `${t.label} ${cpus.length > 1 ? 'may land on' : 'runs on'} ${listOf(cpus.map(oneCpu))}.`;
}

/** Processors named by Azure's codename ("Sapphire Rapids"), by model ("8370C") or by a microarchitecture's name
 * ("Haswell", "Ice Lake": every Azure processor whose codename begins with it), as brands: "is Dv5 Ice Lake?" */
export function processorBrands(
  codenames: ReadonlyArray<{ typed: string; cpus: ReadonlyArray<Cpu> }>,
  cpus: ReadonlyArray<Cpu>,
  microarchs: ReadonlyArray<{ name: string }>,
): Brand[] {
  return [
    ...codenames.map((n): Brand => ({ name: n.cpus[0]?.model.codename ?? n.typed, has: (c) => n.cpus.includes(c) })),
    ...cpus.map((x): Brand => ({ name: x.model.model, has: (c) => c === x })),
    ...microarchs.map((m): Brand => {
      const key = m.name.toLowerCase();
      return { name: m.name, has: (c) => c.model.codename.toLowerCase().startsWith(key) };
    }),
  ];
}

type Cpu = SeriesInfo['cpus'][number];

/** What narrows a list of series: "arm64 sizes", "AMD series", "v6 sizes", "gen 1 sizes", "memory optimized". */
export interface SeriesFilter {
  /** as the summary says it: "Arm64", "AMD v6" */
  label: string;
  keep(s: SeriesInfo): boolean;
  /** the one Hyper-V generation asked for ("gen 1 sizes"): a release is judged on that generation */
  generation?: 1 | 2;
}

/** The qualifiers a "which sizes/series" question puts on the list, or null when it puts none. A brand keeps a
 * series whose every documented processor is that brand's. */
export function seriesFilter(catalog: Catalog, lower: string): SeriesFilter | null {
  const brands = brandsNamed(lower);
  const made = versionFilter(lower);
  const family = familyNamed(catalog, lower);
  if (!brands.length && !made && !family) return null;
  const parts = [...brands.map((b) => b.name), ...(made ? [made.label] : []), ...(family ? [family] : [])];
  return {
    label: parts.join(' '),
    ...(made?.generation ? { generation: made.generation } : {}),
    keep: (s) =>
      (!brands.length || (s.cpus.length > 0 && brands.some((b) => s.cpus.every((c) => b.has(c))))) &&
      (!made || made.keep(s)) &&
      (!family || s.record.family === family),
  };
}

/** The series version ("v6 sizes", "sizes that are v6") or Hyper-V generation ("gen 1 series", "sizes … and Gen 1") a
 * list is narrowed to, wherever the question puts it, or null. A "v2" … "v4" away from "sizes" is a level, not this. */
export function versionFilter(lower: string): SeriesFilter | null {
  const version =
    /\bv(\d)\b(?=[^.?!]{0,20}\b(?:sizes?|series|skus?|vms?|machines?|instances?)\b)/.exec(lower)?.[1] ?? /(?<![\w-])v([5-9])\b(?![-.]\d)/.exec(lower)?.[1];
  const gen = /\bgen(?:eration)?[\s-]*([12])\b/.exec(lower)?.[1];
  if (!version && !gen) return null;
  return {
    label: [...(version ? [`v${version}`] : []), ...(gen ? [`Generation ${gen}`] : [])].join(' '),
    ...(gen ? { generation: Number(gen) as 1 | 2 } : {}),
    keep: (s) => (!version || s.record.series.endsWith(`v${version}`)) && (!gen || (s.record.generations ?? []).includes(Number(gen) as 1 | 2)),
  };
}

/** "… and are memory optimized": the VM family a list is limited to, as the data names it. */
export function familyNamed(catalog: Catalog, lower: string): string | undefined {
  const families = familiesOf(catalog);
  const typed = lower
    .replace(/optimi[sz]ed/g, 'optimized')
    .replace(/\bgpu\b/g, 'gpu accelerated')
    .replace(/\bhpc\b/g, 'high performance compute');
  return families.find((fam) => typed.includes(fam.toLowerCase()));
}

/** The catalog's VM families, in the order the series first name them: worked out once per catalog. */
const FAMILIES = new WeakMap<Catalog, string[]>();
function familiesOf(catalog: Catalog): string[] {
  let families = FAMILIES.get(catalog);
  if (!families) FAMILIES.set(catalog, (families = [...new Set(catalog.series.map((s) => s.record.family))]));
  return families;
}
