// The one loader: reads the four JSON tables beside this module, validates every record against its
// zod schema and every cross-table rule, and returns the knowledge or throws one DataError that lists
// every problem found. These files are the only knowledge the product reads at run time.
import { CodedError } from '../ports/errors.js';
import { readFileSync } from 'node:fs';
import { projectVersion } from './version.js';
import type { z } from 'zod';
import { checkCalendarDates, checkCpus, checkDistros, checkLevels, checkSeries, checkSourceDates, FILES, type CheckInput } from './checks.js';
import {
  CpuModelSchema,
  CpuModelsTableSchema,
  DistroSchema,
  LevelsTableSchema,
  VmSeriesSchema,
  type CpuModel,
  type Distro,
  type LevelsTable,
  type VmSeries,
} from './schema.js';

export interface Knowledge {
  /** the newest as-of date of the tables */
  asOf: string;
  /** the project's version from package.json, where the loader found it */
  version?: string;
  levels: LevelsTable;
  cpus: CpuModel[];
  series: VmSeries[];
  distros: Distro[];
}

export class DataError extends CodedError<'data'> {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('data', `src/data is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'DataError';
    this.problems = [...problems];
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(top)';
}

function issuesOf(file: string, prefix: ReadonlyArray<PropertyKey>, label: string, error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = pathText([...prefix, ...i.path]);
    return `${file}: ${where}${label ? ` (${label})` : ''}: ${i.message}`;
  });
}

interface Table<T> {
  asOf: string | null;
  records: T[];
  raw: Record<string, unknown>[];
}

/** Validates {asOf, <listKey>: [...]} record by record, so one bad record does not hide the others. */
function parseTable<T>(
  file: string,
  raw: unknown,
  listKey: string,
  record: z.ZodType<T>,
  labelOf: (r: Record<string, unknown>) => string,
  problems: string[],
): Table<T> {
  const empty: Table<T> = { asOf: null, records: [], raw: [] };
  if (!isRecord(raw)) {
    problems.push(`${file}: expected an object with asOf and ${listKey}`);
    return empty;
  }
  for (const k of Object.keys(raw)) if (k !== 'asOf' && k !== listKey) problems.push(`${file}: unrecognized key "${k}"`);
  const asOf = CpuModelsTableSchema.shape.asOf.safeParse(raw.asOf);
  if (!asOf.success) problems.push(...issuesOf(file, ['asOf'], '', asOf.error));
  const list = raw[listKey];
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`${file}: ${listKey} must be a non-empty array`);
    return { ...empty, asOf: asOf.success ? asOf.data : null };
  }
  const records: T[] = [];
  const rawRecords: Record<string, unknown>[] = [];
  list.forEach((item, i) => {
    if (isRecord(item)) rawRecords.push(item);
    const parsed = record.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else problems.push(...issuesOf(file, [listKey, i], isRecord(item) ? labelOf(item) : '', parsed.error));
  });
  return { asOf: asOf.success ? asOf.data : null, records, raw: rawRecords };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Pure: validates the four parsed JSON documents. Throws DataError listing every problem. */
export function validateKnowledge(raw: { levels: unknown; cpus: unknown; series: unknown; distros: unknown }): Knowledge {
  const problems: string[] = [];

  const levelsParsed = LevelsTableSchema.safeParse(raw.levels);
  if (!levelsParsed.success) problems.push(...issuesOf(FILES.levels, [], '', levelsParsed.error));
  const levels = levelsParsed.success ? levelsParsed.data : null;

  const cpus = parseTable(FILES.cpus, raw.cpus, 'models', CpuModelSchema, (r) => str(r.model), problems);
  const series = parseTable(FILES.series, raw.series, 'series', VmSeriesSchema, (r) => str(r.series), problems);
  const distros = parseTable(FILES.distros, raw.distros, 'distros', DistroSchema, (r) => str(r.id), problems);

  const cpuArch = new Map<string, string | null>();
  for (const r of cpus.raw) if (typeof r.model === 'string') cpuArch.set(r.model, typeof r.arch === 'string' ? r.arch : null);
  const distroVersions = new Map<string, string[]>();
  for (const r of distros.raw) {
    if (typeof r.id !== 'string') continue;
    const releases = Array.isArray(r.releases) ? r.releases : [];
    distroVersions.set(
      r.id,
      releases.flatMap((x: unknown) => (isRecord(x) && typeof x.version === 'string' ? [x.version] : [])),
    );
  }

  const input: CheckInput = {
    levels,
    cpus: cpus.records,
    series: series.records,
    distros: distros.records,
    cpuArch,
    distroVersions,
  };
  const dates = [cpus.asOf, series.asOf, distros.asOf].filter((d): d is string => d !== null).sort();
  const asOf = dates[dates.length - 1] ?? '';

  problems.push(
    ...checkCalendarDates(FILES.levels, raw.levels),
    ...checkCalendarDates(FILES.cpus, raw.cpus),
    ...checkCalendarDates(FILES.series, raw.series),
    ...checkCalendarDates(FILES.distros, raw.distros),
    ...checkLevels(levels),
    ...checkCpus(cpus.records, levels),
    ...checkSeries(series.records, cpuArch),
    ...checkDistros(distros.records, distroVersions),
    ...(asOf ? checkSourceDates(input, asOf) : []),
  );

  if (problems.length > 0 || !levels) throw new DataError(problems.length > 0 ? problems : [`${FILES.levels}: missing`]);
  return { asOf, levels, cpus: cpus.records, series: series.records, distros: distros.records };
}

/** A JSON table beside this module (src/data, or dist/src/data when built); a file that cannot be read or
 * parsed is added to `problems` and gives undefined, so every problem is reported at once. */
export function readTable(name: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
  } catch (err) {
    problems.push(`${name}: cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Reads and validates the tables beside this module (src/data, or dist/src/data when built). */
export function loadKnowledge(): Knowledge {
  const problems: string[] = [];
  const read = (name: string): unknown => readTable(name, problems);
  const raw = { levels: read(FILES.levels), cpus: read(FILES.cpus), series: read(FILES.series), distros: read(FILES.distros) };
  if (problems.length > 0) throw new DataError(problems);
  const version = projectVersion();
  return { ...validateKnowledge(raw), ...(version ? { version } : {}) };
}

export { projectVersion };
