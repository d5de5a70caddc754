// The MicrosoftDocs azure-compute-docs size pages, read from a local checkout in their published
// markdown shape: front matter (ms.date), "# <Series> sizes series", the specs include's Processor row
// ("... [x86-64] <br>..."), the Basics table (Size Name | vCPUs | Memory) and the Feature support
// table's "VM Generation Support" row.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const SIZES_DIR = 'articles/virtual-machines/sizes';

/** Family names as the data set writes them, by the folder Microsoft files the page under. */
export const FAMILY_BY_FOLDER: Readonly<Record<string, string>> = {
  'general-purpose': 'General purpose',
  'memory-optimized': 'Memory optimized',
  'compute-optimized': 'Compute optimized',
  'storage-optimized': 'Storage',
  'gpu-accelerated': 'GPU',
  'high-performance-compute': 'HPC',
  'fpga-accelerated': 'FPGA',
};

export interface DocsFile {
  /** repository path, e.g. articles/virtual-machines/sizes/general-purpose/dlsv5-series.md */
  path: string;
  /** ms.date as YYYY-MM-DD */
  date: string;
}

export interface SizePage extends DocsFile {
  series: string;
  family: string;
  /** processor strings as printed (tags stripped, whitespace collapsed); null when the page has no Processor row */
  processors: string[] | null;
  arch: 'x64' | 'Arm64' | null;
  sizes: Array<{ name: string; vcpus: number; memoryGiB: number }>;
  /** "Generation 1 and 2" -> ['1', '2']; null when the page does not say */
  generations: Array<'1' | '2'> | null;
  generationsStatedAs: string | null;
  specs: DocsFile | null;
}

/** "03/10/2026" (ms.date) -> "2026-03-10". */
export function msDate(text: string): string | null {
  const m = /^ms\.date:\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/m.exec(text);
  if (!m) return null;
  return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

const number = (s: string): number =>
  Number(
    s
      .replace(/,/g, '')
      .replace(/<sup>.*?<\/sup>/g, '')
      .trim(),
  );
const sizeName = (s: string): string =>
  s
    .replace(/<sup>.*?<\/sup>/g, '')
    .replace(/[*†]+$/, '')
    .trim();

/** The processor cell -> strings as printed, and the architecture its tags say. */
export function processorCell(cell: string): { processors: string[]; arch: 'x64' | 'Arm64' | null } {
  let arch: 'x64' | 'Arm64' | null = null;
  const parts = cell
    .split(/<br\s*\/?>/i)
    .flatMap((p) => p.split(/(?<=\])\s*(?:,|and)\s+/))
    .map((p) => {
      const tag = /\[(x86-64|x64|Arm64|ARM-64|ARM64)\]/i.exec(p);
      if (tag) arch = /arm/i.test(tag[1]!) ? 'Arm64' : 'x64';
      return p
        .replace(/\[(x86-64|x64|Arm64|ARM-64|ARM64)\]/gi, '')
        .replace(/\s+/g, ' ')
        .trim();
    })
    .filter((p) => p !== '');
  return { processors: parts, arch };
}

function includes(text: string, pageDir: string, root: string): string[] {
  return [...text.matchAll(/\[!INCLUDE \[[^\]]*\]\(([^)]+)\)\]/g)].map((m) => relative(root, resolve(pageDir, m[1]!)));
}

/** One size page, or null when it is not one (a family overview, an include). */
export function readSizePage(root: string, path: string): SizePage | null {
  const text = readFileSync(join(root, path), 'utf8');
  const heading = /^#\s+(.+?)\s+sizes?\s+series\s*$/im.exec(text);
  if (!heading) return null;
  const date = msDate(text);
  if (!date) throw new Error(`${path}: no ms.date in the front matter`);
  const folder = path.split('/').at(-2) ?? '';

  let specs: DocsFile | null = null;
  let processors: string[] | null = null;
  let arch: 'x64' | 'Arm64' | null = null;
  for (const inc of includes(text, dirname(join(root, path)), root)) {
    if (!inc.endsWith('-specs.md') || !existsSync(join(root, inc))) continue;
    const spec = readFileSync(join(root, inc), 'utf8');
    const row = spec.split('\n').find((l) => /^\|\s*Processor\s*\|/i.test(l));
    specs = { path: inc, date: msDate(spec) ?? date };
    if (row) ({ processors, arch } = processorCell(cells(row)[2] ?? ''));
  }

  const lines = text.split('\n');
  const sizes: SizePage['sizes'] = [];
  const header = lines.findIndex((l) => /^\|\s*Size Name\s*\|\s*vCPUs/i.test(l));
  if (header >= 0) {
    for (const line of lines.slice(header + 2)) {
      if (!line.trim().startsWith('|')) break;
      const [name, vcpus, memory] = cells(line);
      if (!name || !/^(Standard|Basic)_/.test(sizeName(name))) continue;
      sizes.push({ name: sizeName(name), vcpus: number(vcpus ?? ''), memoryGiB: number(memory ?? '') });
    }
  }

  // the Feature support table ("| VM Generation Support | Generation 1 and 2 |"), or the older list
  // ("[Generation 2 VMs](...): Supported <br>[Generation 1 VMs](...): Not Supported")
  const genRow = lines.find((l) => /VM Generation Support/i.test(l) && l.trim().startsWith('|'));
  let statedAs = genRow ? (cells(genRow)[1] ?? '').trim() : null;
  let generations: SizePage['generations'] = null;
  if (statedAs) {
    const nums = [...statedAs.matchAll(/\b([12])\b/g)].map((m) => m[1] as '1' | '2');
    generations = nums.length ? [...new Set(nums)].sort() : null;
  } else {
    const listed = [...text.matchAll(/\[Generation ([12]) VMs\]\([^)]*\):\s*(Supported|Not Supported)/gi)];
    if (listed.length) {
      statedAs = listed.map((m) => `Generation ${m[1]}: ${m[2]}`).join(', ');
      const yes = listed.filter((m) => /^supported$/i.test(m[2]!)).map((m) => m[1] as '1' | '2');
      generations = yes.length ? [...new Set(yes)].sort() : null;
    }
  }

  return {
    path,
    date,
    series: heading[1]!.trim(),
    family: FAMILY_BY_FOLDER[folder] ?? folder,
    processors,
    arch,
    sizes,
    generations,
    generationsStatedAs: statedAs,
    specs,
  };
}

/** Every size page under articles/virtual-machines/sizes of a checkout. */
export function readSizePages(root: string): SizePage[] {
  const base = join(root, SIZES_DIR);
  if (!existsSync(base)) throw new Error(`${root} is not an azure-compute-docs checkout: ${SIZES_DIR} is missing`);
  const out: SizePage[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'includes' && name !== 'media') walk(full);
      } else if (name.endsWith('-series.md')) {
        const page = readSizePage(root, relative(root, full));
        if (page) out.push(page);
      }
    }
  };
  walk(base);
  return out;
}
