// npm run data:refresh on small fixtures in each upstream format (test/fixtures/refresh, see its README):
// the change report, what is written (and that data:import then reproduces it), and every refusal.
// Runs in-process against temporary copies of reference/ and src/data; no network.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run, HELP } from '../../scripts/refresh/cli.js';
import { processorCell, readSizePage } from '../../scripts/refresh/docs-pages.js';
import { readEol } from '../../scripts/refresh/eol.js';
import { readSkus } from '../../scripts/refresh/skus.js';
import { buildTables } from '../../scripts/reference/build-all.js';
import { buildArchspecX86 } from '../../scripts/reference/build-archspec-x86.js';
import { readReference } from '../../scripts/reference/read.js';
import { formatJson } from '../../scripts/reference/format-json.js';
import { ADDED_SERIES } from '../../scripts/reference-overrides.js';
import { validateKnowledge } from '../../src/data/load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fx = (name: string) => join(root, 'test/fixtures/refresh', name);
const DOCS = fx('azure-compute-docs');
const COMMIT = 'c0ffee0000000000000000000000000000000001';
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Fresh copies of reference/ and src/data for one run. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'refresh-'));
  temps.push(dir);
  cpSync(join(root, 'reference'), join(dir, 'ref'), { recursive: true });
  cpSync(join(root, 'src/data'), join(dir, 'data'), { recursive: true, filter: (src) => !src.endsWith('.ts') });
  const snapshot = (): Record<string, string> =>
    Object.fromEntries(
      ['ref', 'data'].flatMap((sub) =>
        readdirSync(join(dir, sub), { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => [`${sub}/${e.name}`, readFileSync(join(dir, sub, e.name), 'utf8')]),
      ),
    );
  return { dir, ref: join(dir, 'ref'), data: join(dir, 'data'), snapshot };
}

async function refresh(args: string[], ws = workspace()) {
  const out: string[] = [];
  const err: string[] = [];
  const before = ws.snapshot();
  const result = await run(
    [...args, '--reference', ws.ref, '--data', ws.data, '--today', '2026-12-06'],
    (l) => out.push(l),
    (l) => err.push(l),
    {},
  );
  return { ...result, out: out.join('\n'), err: err.join('\n'), ws, before, after: ws.snapshot() };
}

describe('--help', () => {
  it('lists every source with its format and where it is published, and exits 0', async () => {
    const out: string[] = [];
    expect(
      (
        await run(
          ['--help'],
          (l) => out.push(l),
          () => {},
          {},
        )
      ).code,
    ).toBe(0);
    expect(out.join('\n')).toBe(HELP);
    for (const s of [
      '--docs <dir>',
      'MicrosoftDocs/azure-compute-docs',
      '--skus',
      'az vm list-skus -o json',
      '--archspec',
      'microarchitectures.json',
      '--eol <product>=<file|url>',
      'endoflife.date/api/v1/products',
    ]) {
      expect(HELP).toContain(s);
    }
  });
});

describe('a refresh from the size pages, list-skus and endoflife.date', () => {
  const args = [
    '--docs',
    DOCS,
    '--docs-commit',
    COMMIT,
    '--skus',
    fx('list-skus.json'),
    '--eol',
    `fedora=${fx('endoflife-fedora.json')}`,
    '--eol',
    `debian=${fx('endoflife-debian.json')}`,
  ];
  const done = refresh(args);

  it('reports the changed page: a size added, a processor added and the guarantee falling, its date moved', async () => {
    const r = await done;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.report).toEqual(
      expect.arrayContaining([
        'Dsv6: sizes added: Standard_D256s_v6',
        'Dsv6: processors changed: + Intel Xeon E5-2673 v4',
        'Dsv6: level changed: guarantees x86-64-v4 -> x86-64-v3 (best x86-64-v4 -> x86-64-v4)',
        'Dsv6: page date moved 2024-07-29 -> 2026-11-20',
        'Fedora Linux 42: end of life moved 2026-05-27 -> 2026-05-13',
        'snapshot date: 2026-11-27 -> 2026-12-06',
      ]),
    );
    expect(r.out).toMatch(/Changes:\n/);
    expect(r.out).toMatch(/list-skus has 1 size\(s\) in no documented series \(not added\): Standard_Q4_v9/);
    expect(r.out).toMatch(/endoflife\.date fedora 46: no such release/);
    // unchanged pages and agreeing dates say nothing
    expect(r.report.filter((l) => /Dlsv5|Debian/.test(l))).toEqual([]);
  });

  it('says which curated fixes upstream now carries', async () => {
    const r = await done;
    expect(r.out).toMatch(/curated fix now redundant.*ADDED_SERIES Dlsv5: the reference has it now/);
  });

  it('reads the Dlsv5 page exactly as the hand-curated entry has it', async () => {
    const r = await done;
    const series = JSON.parse(r.after['ref/azure-vm-series.json']!) as Array<{
      series: string;
      processors: string[];
      sizes: unknown[];
      source: { commit: string; date: string };
    }>;
    const dl = series.find((s) => s.series === 'Dlsv5')!;
    const curated = ADDED_SERIES.find((a) => a.series.series === 'Dlsv5')!.series;
    expect(dl.sizes).toEqual(curated.sizes);
    expect(dl.processors).toEqual(curated.processors);
    expect(dl.source).toMatchObject({ commit: COMMIT, date: curated.source.date });
  });

  it('writes tables that pass validation, and that data:import reproduces from the written reference', async () => {
    const r = await done;
    const read = (n: string) => JSON.parse(r.after[`data/${n}`]!);
    const k = validateKnowledge({
      levels: read('x86-64-levels.json'),
      cpus: read('cpu-models.json'),
      series: read('vm-series.json'),
      distros: read('distros.json'),
    });
    expect(k.asOf).toBe('2026-12-06');
    const dsv6 = k.series.find((s) => s.series === 'Dsv6')!;
    expect(dsv6.sizes.map((z) => z.name)).toContain('Standard_D256s_v6');
    expect(dsv6.sources[0]).toMatchObject({ asOf: '2026-11-20', dated: 'page' });
    expect(dsv6.sources[0]!.url).toContain(COMMIT);
    const f42 = k.distros.find((d) => d.id === 'fedora')!.releases.find((x) => x.version === '42')!;
    expect(f42.eol).toBe('2026-05-13');
    expect(f42.sources[0]).toMatchObject({ url: 'https://endoflife.date/fedora', asOf: '2026-12-06', dated: 'checked' });
    const rebuilt = buildTables(readReference(r.ws.ref));
    expect(formatJson(rebuilt.series)).toBe(r.after['data/vm-series.json']);
    expect(formatJson(rebuilt.distros)).toBe(r.after['data/distros.json']);
    expect(formatJson(buildArchspecX86(readReference(r.ws.ref), k.levels))).toBe(r.after['data/archspec-x86.json']);
  });
});

describe('refusals: nothing is written', () => {
  it('a CPU level changed by archspec is reported and stops the refresh until reviewed', async () => {
    const r = await refresh(['--archspec', fx('microarchitectures.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/REFUSED/);
    expect(r.err).toMatch(/CPU level changed by archspec: Intel Xeon E5-2673 v3 \(haswell\): x86-64-v3 -> x86-64-v4/);
    expect(r.after).toEqual(r.before);
  });

  it('data that fails the product validation (a size with 0 GiB) is refused with the validation message', async () => {
    const ws = workspace();
    const skus = JSON.parse(readFileSync(fx('list-skus.json'), 'utf8')) as Array<{ capabilities: Array<{ name: string; value: string }> }>;
    skus[2]!.capabilities.find((c) => c.name === 'MemoryGB')!.value = '0'; // Standard_D4s_v6
    writeFileSync(join(ws.dir, 'bad-skus.json'), JSON.stringify(skus));
    const r = await refresh(['--skus', join(ws.dir, 'bad-skus.json')], ws);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/REFUSED, the refreshed data fails validation/);
    expect(r.err).toMatch(/Dsv6.*memoryGiB|memoryGiB.*Dsv6/);
    expect(r.after).toEqual(r.before);
  });

  it('a processor nobody has mapped to a CPU model is refused, naming the file to edit', async () => {
    const ws = workspace();
    const docs = join(ws.dir, 'docs');
    cpSync(DOCS, docs, { recursive: true });
    const specs = join(docs, 'articles/virtual-machines/sizes/general-purpose/includes/dsv6-series-specs.md');
    writeFileSync(specs, readFileSync(specs, 'utf8').replace('Intel Xeon E5-2673 v4 (Broadwell)', 'Quantum Xeon QX-1 (Unknown Lake)'));
    const r = await refresh(['--docs', docs, '--docs-commit', COMMIT], ws);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown processor "Quantum Xeon QX-1 \(Unknown Lake\)".*processor-aliases\.json/);
    expect(r.after).toEqual(r.before);
  });

  it('--dry-run prints the report and writes nothing', async () => {
    const r = await refresh(['--dry-run', '--eol', `fedora=${fx('endoflife-fedora.json')}`]);
    expect(r.code).toBe(0);
    expect(r.report).toContain('Fedora Linux 42: end of life moved 2026-05-27 -> 2026-05-13');
    expect(r.out).toMatch(/Dry run: nothing written/);
    expect(r.after).toEqual(r.before);
  });

  it.each([
    [[], /give at least one source/],
    [['--eol', 'fedora'], /--eol wants <product>=<file\|url>/],
    [['--skus', '/nonexistent/skus.json'], /no such file/],
    [['--docs', '/nonexistent/docs', '--docs-commit', COMMIT], /no such directory/],
    [['--frobnicate'], /unknown argument --frobnicate/],
  ])('usage error %j: exit 2 with one clear line', async (args, message) => {
    const r = await refresh(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('the readers, on the published shapes', () => {
  it('splits a processor cell on <br> and architecture tags', () => {
    expect(processorCell('Intel Xeon Platinum 8473C (Sapphire Rapids) [x86-64] <br>Intel Xeon Platinum 8370C (Ice Lake) [x86-64] ')).toEqual({
      processors: ['Intel Xeon Platinum 8473C (Sapphire Rapids)', 'Intel Xeon Platinum 8370C (Ice Lake)'],
      arch: 'x64',
    });
    expect(processorCell('Azure Cobalt 100 [Arm64]').arch).toBe('Arm64');
  });

  it('reads a size page: series, ms.date, sizes with thousands separators, generations in both shapes', () => {
    const page = readSizePage(DOCS, 'articles/virtual-machines/sizes/general-purpose/dsv6-series.md')!;
    expect(page).toMatchObject({ series: 'Dsv6', family: 'General purpose', date: '2026-11-20', generations: ['2'], arch: 'x64' });
    expect(page.sizes.at(-1)).toEqual({ name: 'Standard_D256s_v6', vcpus: 256, memoryGiB: 1024 });
    expect(page.specs).toEqual({ path: 'articles/virtual-machines/sizes/general-purpose/includes/dsv6-series-specs.md', date: '2026-11-18' });
    expect(readSizePage(DOCS, 'articles/virtual-machines/sizes/general-purpose/dlsv5-series.md')!.generations).toEqual(['1', '2']);
  });

  it('reads list-skus once per size, ignoring other resource types and repeated regions', () => {
    const skus = readSkus(JSON.parse(readFileSync(fx('list-skus.json'), 'utf8')));
    expect([...skus.keys()]).toEqual(['Standard_D2ls_v5', 'Standard_D4s_v6', 'Standard_A2_v2', 'Standard_Q4_v9']);
    expect(skus.get('Standard_D2ls_v5')).toEqual({ name: 'Standard_D2ls_v5', vcpus: 2, memoryGiB: 4, arch: 'x64', generations: ['1', '2'] });
    expect(() => readSkus({})).toThrow(/az vm list-skus -o json/);
  });

  it('reads both endoflife.date API shapes, keeping only real dates', () => {
    expect(readEol(JSON.parse(readFileSync(fx('endoflife-fedora.json'), 'utf8')))[1]).toEqual({
      cycle: '45',
      released: null,
      eol: '2027-12-08',
      extended: null,
    });
    expect(readEol(JSON.parse(readFileSync(fx('endoflife-debian.json'), 'utf8')))[1]).toEqual({
      cycle: '12',
      released: '2023-06-10',
      eol: '2026-06-10',
      extended: '2028-06-30',
    });
    expect(() => readEol({ nope: true })).toThrow(/endoflife\.date/);
  });
});
