// The loader for the CPU family rules: reads archspec-x86.json (archspec's x86 nodes, derived) and
// cpu-families.json beside this module, validates both against their zod schemas and the rules below,
// and returns them or throws one DataError listing every problem found.
import { checkCalendarDates, FAMILY_FILES } from './checks.js';
import { DataError, readTable } from './load.js';
import { ArchspecX86TableSchema, CpuFamiliesTableSchema, type ArchspecX86Table, type CpuFamily, type LevelsTable } from './schema.js';

export { FAMILY_FILES };

export interface CpuFamilyData {
  archspec: ArchspecX86Table;
  families: CpuFamily[];
  /** as-of date of cpu-families.json */
  asOf: string;
}

/** Named groups a `{name}` template uses must exist in the pattern. */
const templateGroups = (model: string): string[] => [...model.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);

function checkFamilies(table: { asOf: string; families: CpuFamily[] }, archspec: ArchspecX86Table, levels: LevelsTable): string[] {
  const f = FAMILY_FILES.families;
  const out: string[] = [];
  const nodes = new Map(archspec.microarchitectures.map((n) => [n.name, n]));
  const baseline = levels.levels[0]!.cpuinfoFlags;
  const seen = new Set<string>();
  for (const r of table.families) {
    if (seen.has(r.id)) out.push(`${f}: id ${r.id} is listed more than once`);
    seen.add(r.id);
    let re: RegExp | null = null;
    try {
      re = new RegExp(r.pattern, 'i');
    } catch (err) {
      out.push(`${f}: ${r.id}: pattern does not compile: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (re) {
      const groups = new Set([...r.pattern.matchAll(/\(\?<([A-Za-z0-9_]+)>/g)].map((m) => m[1]!));
      for (const g of templateGroups(r.model)) if (!groups.has(g)) out.push(`${f}: ${r.id}: model uses {${g}}, which the pattern does not capture`);
      if (re.test('')) out.push(`${f}: ${r.id}: pattern matches empty text`);
    }
    if (r.microarchitecture !== null) {
      const node = nodes.get(r.microarchitecture);
      if (!node) out.push(`${f}: ${r.id}: archspec has no microarchitecture ${r.microarchitecture}`);
      if (r.features !== null) out.push(`${f}: ${r.id}: give an archspec node or a feature list, not both`);
    } else if (r.kind === 'processor') {
      out.push(`${f}: ${r.id}: a processor family needs an archspec node`);
    }
    if (r.features !== null) {
      const missing = baseline.filter((b) => !r.features!.includes(b));
      if (missing.length) out.push(`${f}: ${r.id}: features lack the x86-64 baseline flags ${missing.join(' ')}`);
    }
    if (r.microarchitecture === null && r.microarchitectureExact) out.push(`${f}: ${r.id}: no node, so it cannot be exact`);
    if (!r.microarchitectureExact && r.caveats.length === 0) out.push(`${f}: ${r.id}: a nearest node needs a caveat saying so`);
    for (const s of r.sources) if (s.asOf > table.asOf) out.push(`${f}: ${r.id}: source ${s.url} is dated ${s.asOf}, after the table (${table.asOf})`);
  }
  return out;
}

/** Pure: validates the two parsed JSON documents against the level rules already loaded. */
export function validateCpuFamilies(raw: { archspec: unknown; families: unknown }, levels: LevelsTable): CpuFamilyData {
  const problems: string[] = [];
  const issues = (file: string, e: { issues: Array<{ path: PropertyKey[]; message: string }> }): string[] =>
    e.issues.map((i) => `${file}: ${i.path.map(String).join('.') || '(top)'}: ${i.message}`);
  const a = ArchspecX86TableSchema.safeParse(raw.archspec);
  if (!a.success) problems.push(...issues(FAMILY_FILES.archspec, a.error));
  const t = CpuFamiliesTableSchema.safeParse(raw.families);
  if (!t.success) problems.push(...issues(FAMILY_FILES.families, t.error));
  problems.push(...checkCalendarDates(FAMILY_FILES.archspec, raw.archspec), ...checkCalendarDates(FAMILY_FILES.families, raw.families));
  if (a.success && t.success) problems.push(...checkFamilies(t.data, a.data, levels));
  if (problems.length > 0 || !a.success || !t.success) throw new DataError(problems);
  return { archspec: a.data, families: t.data.families, asOf: t.data.asOf };
}

/** Reads and validates the two tables beside this module (src/data, or dist/src/data when built). */
export function loadCpuFamilies(levels: LevelsTable): CpuFamilyData {
  const problems: string[] = [];
  const read = (name: string): unknown => readTable(name, problems);
  const raw = { archspec: read(FAMILY_FILES.archspec), families: read(FAMILY_FILES.families) };
  if (problems.length > 0) throw new DataError(problems);
  return validateCpuFamilies(raw, levels);
}
