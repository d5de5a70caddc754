// CPUs beyond Azure's list, recognised by their model number ("Xeon E5-2680 v4", "i7-4770K",
// "EPYC 7543", "kvm64") through the family rules of src/data/cpu-families.json. Each rule names an
// archspec microarchitecture (or, for a virtual CPU, its own feature list); the level is computed from
// those features with the same psABI rules as every other level, never stored. Pure and synchronous.
//
//   identifyCpu(catalog, "my Xeon E5-2680 v4 box crashes")
//     -> { model: "Intel Xeon E5-2680 v4", level: "x86-64-v3", start: 3, end: 18, … }
//
// The `vN` of a Xeon E3/E5/E7 is Intel's generation (v4 = Broadwell), never an x86-64 level.
import type { ArchspecNode, CpuFamily, LevelName, LevelsTable } from '../data/schema.js';
import type { CpuFamilyData } from '../data/load-cpu-families.js';
import { levelOfFlags } from './levels.js';

/** One family rule, compiled, with its microarchitecture and level worked out once. */
export interface CpuFamilyInfo {
  rule: CpuFamily;
  /** the archspec node the features come from (null for a virtual CPU with its own list, or `host`) */
  node: ArchspecNode | null;
  /** null when the family has no x86-64 level (32-bit only) or no fixed feature set (`host`) */
  level: LevelName | null;
  /** flags missing for the next level up */
  missingForNext: string[];
  /** whether a level applies at all: false for `host` (the host's own CPU decides) */
  fixedFeatures: boolean;
  pattern: RegExp;
}

/** A model number found in a text: the family that recognised it and the span it covers. */
export interface CpuFamilyMatch {
  family: CpuFamilyInfo;
  /** canonical name built from the rule's template: "Intel Xeon E5-2680 v4" */
  model: string;
  /** the text as typed, brand words included ("Intel Xeon E5-2680 v4", "e5 2680v4") */
  typed: string;
  /** [start, end) of `typed` in the text searched */
  start: number;
  end: number;
}

/** Brand words absorbed before a match so the span covers "Intel(R) Xeon(R) CPU E5-2680 v4" whole. */
const BRAND_LOOKBACK = 48;
const BRAND_BEFORE = /(?:(?:intel|amd|xeon|core|cpu|processor)(?:\s*(?:\(r\)|\(tm\)|®|™))?[\s-]*)+$/iu;

/** A captured part of a model name as the vendor writes it: model numbers upper case ("4770k" ->
 * "4770K") except the lower-case series prefixes ("i7-", "w9-", Atom "x5-", "x6425E"); words capitalised ("gold" ->
 * "Gold"), short ones upper case ("pro", "hx", "ai"); trademark marks dropped. */
function canonicalPart(part: string): string {
  // Stryker disable next-line StringLiteral: equivalent, a mark inside a part is always followed by a space, and toMatch() collapses spaces
  const unmarked = part.replace(/\((?:r|tm)\)|[®™]/giu, ' ');
  const joined = unmarked.replace(/\b([iw][3579])[\s-]+(?=[0-9N])/giu, '$1-');
  // empty words (from spaces at either end) cost nothing: toMatch() collapses and trims the model's spaces
  // Stryker disable next-line Regex: equivalent, toMatch() collapses the model's spaces
  const words = joined.split(/\s+/);
  return words
    .map((w) => {
      if (/\d/.test(w))
        return w
          .toUpperCase()
          .replace(/^([IW])([3579])[\s-]*/, (_, p: string, d: string) => `${p.toLowerCase()}${d}-`)
          .replace(/^X([5-7]-|6\d{3}[A-Z]+$)/, 'x$1');
      return w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase();
    })
    .join(' ');
}

export class CpuFamilyIndex {
  readonly families: CpuFamilyInfo[];
  readonly archspec: ReadonlyMap<string, ArchspecNode>;
  /**
   * The rules' patterns joined in alternations of GATE_RULES each, their group names dropped (several
   * rules name a group `n`): together they match a text exactly when some rule does, at a tenth of the
   * cost of trying every rule, and most texts name no model number at all. (One alternation of all of
   * them took V8 three times as long to compile for the first answer.)
   */
  private readonly gates: readonly RegExp[];

  constructor(data: CpuFamilyData, levels: LevelsTable) {
    this.archspec = new Map(data.archspec.microarchitectures.map((n) => [n.name, n]));
    this.families = data.families.map((rule) => {
      // Stryker disable next-line ConditionalExpression: equivalent, no archspec node is named null (get() finds none)
      const node = rule.microarchitecture === null ? null : (this.archspec.get(rule.microarchitecture) ?? null);
      const features = node ? (node.x86_64 ? node.features : null) : rule.features;
      const r = features ? levelOfFlags(features, levels) : { level: null, missingForNext: [] };
      return {
        rule,
        node,
        level: r.level,
        missingForNext: r.missingForNext,
        fixedFeatures: node !== null || rule.features !== null,
        pattern: new RegExp(rule.pattern, 'gi'),
      };
    });
    // a back-reference would point elsewhere in the alternation: then every text is tried rule by rule
    const combinable = data.families.every((rule) => !/\\(?:k<|[1-9])/.test(rule.pattern));
    const gates: RegExp[] = [];
    for (let i = 0; combinable && i < data.families.length; i += GATE_RULES)
      gates.push(
        new RegExp(
          // Stryker disable next-line MethodExpression: equivalent, a gate joining every rule matches exactly when some rule does, only slower
          data.families
            .slice(i, i + GATE_RULES)
            .map((rule) => `(?:${unnamedGroups(rule.pattern)})`)
            .join('|'),
          'i',
        ),
      );
    this.gates = combinable ? gates : [/(?:)/];
  }

  /** Whether some rule matches somewhere in the text (exactly: see `gates`). */
  mayMatch(text: string): boolean {
    for (const gate of this.gates) if (gate.test(text)) return true;
    return false;
  }

  /** Every model number in the text, left to right, not overlapping. At one position the rule listed
   * first wins: the table lists specific rules before general ones. */
  findAll(typed: string): CpuFamilyMatch[] {
    // "x5650cpu", "7800x3dprocessor": a "cpu" glued to a model number is a word of its own (blanked, so spans hold)
    const text = /\d[a-z]{0,3}(?:cpu|processor)/i.test(typed)
      ? typed.replace(/(?<=\d[A-Za-z]{0,3})(?:cpus?|processors?)(?![A-Za-z0-9])/gi, (w) => ' '.repeat(w.length))
      : typed;
    const hits: Array<{ family: CpuFamilyInfo; m: RegExpExecArray }> = [];
    // Stryker disable next-line ConditionalExpression: equivalent, a text the gate turns away matches no rule, so trying every rule adds no hit
    if (!this.mayMatch(text)) return this.byGeneration(text);
    this.families.forEach((family) => {
      family.pattern.lastIndex = 0;
      for (let m = family.pattern.exec(text); m !== null; m = family.pattern.exec(text)) {
        if (m[0].length === 0) {
          family.pattern.lastIndex++;
          continue;
        }
        hits.push({ family, m });
      }
    });
    // stable: at one position the hits keep the rules' order
    hits.sort((a, b) => a.m.index - b.m.index);
    const out: CpuFamilyMatch[] = [];
    let end = 0;
    for (const h of hits) {
      if (h.m.index < end) continue;
      const match = this.toMatch(text, h.family, h.m, out.length ? out[out.length - 1]!.end : 0);
      out.push(match);
      end = match.end;
    }
    // "an old i7 3rd gen", "4th generation Core i5": no model number, but the generation names the family
    // Stryker disable next-line EqualityOperator: equivalent, a generation phrase and a model number always have a separator between them (both end and begin at a word boundary), so spans never merely touch
    for (const g of this.byGeneration(text)) if (!out.some((m) => m.start < g.end && g.start < m.end)) out.push(g);
    return out.sort((a, b) => a.start - b.start);
  }

  /** Intel Core i3/i5/i7/i9 named by generation ("i7 3rd gen", "6th generation Core i5"): the family rule whose
   * generation range holds it ("Intel Core i3/i5/i7 (3rd generation)", "(7th–10th generation)"). */
  private byGeneration(text: string): CpuFamilyMatch[] {
    // Stryker disable next-line ConditionalExpression: equivalent, the matcher below requires the same ordinal before "gen"
    if (!/\d(?:st|nd|rd|th)[\s-]*gen/i.test(text)) return [];
    const out: CpuFamilyMatch[] = [];
    const re =
      /\b(?:(?:intel\s+)?(?:core\s+)?(?<tier>i[3579])\s*(?:[-,]\s*)?(?<g>\d{1,2})(?:st|nd|rd|th)[\s-]*gen(?:eration)?|(?<g2>\d{1,2})(?:st|nd|rd|th)[\s-]*gen(?:eration)?\s+(?:intel\s+)?(?:core\s+)?(?<tier2>i[3579]))(?![A-Za-z0-9])/gi;
    for (const m of text.matchAll(re)) {
      const gen = Number(m.groups!.g ?? m.groups!.g2);
      const tier = (m.groups!.tier ?? m.groups!.tier2)!.toLowerCase();
      const family = this.families.find((f) => {
        const r = /^Intel Core i3\/i5\/i7(?:\/i9)? \((\d+)(?:st|nd|rd|th)(?:–(\d+)th)? generation\)$/.exec(f.rule.family);
        return f.rule.kind === 'processor' && r && gen >= Number(r[1]) && gen <= Number(r[2] ?? r[1]) && f.rule.family.includes(tier);
      });
      if (!family) continue;
      out.push({
        family,
        // Stryker disable next-line Regex: equivalent, the name was matched whole (^…\)$) just above, so the anchors change nothing
        model: `Intel Core ${tier} (${family.rule.family.replace(/^.*\((.*)\)$/, '$1')})`,
        typed: m[0],
        start: m.index!,
        end: m.index! + m[0].length,
      });
    }
    return out;
  }

  private toMatch(text: string, family: CpuFamilyInfo, m: RegExpExecArray, floor: number): CpuFamilyMatch {
    let start = m.index;
    const end = m.index + m[0].length;
    // brand words are short: look back a little only, so a long run of them costs nothing
    const from = Math.max(floor, start - BRAND_LOOKBACK);
    const brand = BRAND_BEFORE.exec(text.slice(from, start));
    if (brand && (brand.index + from === 0 || /[^\p{L}\p{N}]/u.test(text[brand.index + from - 1]!))) start = brand.index + from;
    const model = family.rule.model.replace(/\{([A-Za-z0-9_]+)\}/g, (_, g: string) => canonicalPart(m.groups?.[g] ?? ''));
    return { family, model: model.replace(/\s+/g, ' ').trim(), typed: text.slice(start, end).trim(), start, end };
  }
}

/** How many rules' patterns one gate joins. */
const GATE_RULES = 16;

/** A pattern with its named groups made plain groups (`(?<n>…)` -> `(?:…)`); lookbehinds stay. */
export function unnamedGroups(pattern: string): string {
  return pattern.replace(/(?<!\\)\(\?<(?![=!])[A-Za-z_$][\w$]*>/g, '(?:');
}

/** The first model number a family rule recognises in the text ("my Xeon E5-2680 v4 box crashes"), or
 * null. Azure's own CPU list (catalog.cpuByKey) is more specific and is consulted first by callers. */
export function identifyCpu(catalog: { cpuFamilies: CpuFamilyIndex }, text: string): CpuFamilyMatch | null {
  return catalog.cpuFamilies.findAll(text)[0] ?? null;
}

/** Every model number in the text, left to right. */
export function identifyCpus(catalog: { cpuFamilies: CpuFamilyIndex }, text: string): CpuFamilyMatch[] {
  return catalog.cpuFamilies.findAll(text);
}
