// The change report data:refresh prints before it writes: series and sizes added or removed, processors
// and guaranteed levels changed, CPU levels changed, release dates moved, releases added or removed.
import { Catalog } from '../../src/core/catalog.js';
import type { Knowledge } from '../../src/data/load.js';
import type { CpuFamilyData } from '../../src/data/load-cpu-families.js';

const list = (xs: string[], max = 12) => `${xs.slice(0, max).join(', ')}${xs.length > max ? `, … (${xs.length} in all)` : ''}`;

export function changeReport(before: Knowledge, after: Knowledge, families: { before: CpuFamilyData; after: CpuFamilyData }): string[] {
  const out: string[] = [];
  const a = new Catalog(before, families.before);
  const b = new Catalog(after, families.after);
  const oldSeries = new Map(a.series.map((s) => [s.record.series, s]));
  const newSeries = new Map(b.series.map((s) => [s.record.series, s]));

  const added = [...newSeries.keys()].filter((k) => !oldSeries.has(k));
  const removed = [...oldSeries.keys()].filter((k) => !newSeries.has(k));
  for (const name of added) {
    const s = newSeries.get(name)!;
    out.push(
      `series added: ${name} (${s.record.sizes.length} sizes; guarantees ${s.guaranteed ?? 'no level'}; ${s.record.processors.join(', ') || 'no processor'})`,
    );
  }
  for (const name of removed) out.push(`series removed: ${name}`);

  for (const [name, now] of newSeries) {
    const was = oldSeries.get(name);
    if (!was) continue;
    const oldSizes = new Map(was.record.sizes.map((z) => [z.name, z]));
    const newSizes = new Map(now.record.sizes.map((z) => [z.name, z]));
    const plus = [...newSizes.keys()].filter((z) => !oldSizes.has(z));
    const minus = [...oldSizes.keys()].filter((z) => !newSizes.has(z));
    if (plus.length) out.push(`${name}: sizes added: ${list(plus)}`);
    if (minus.length) out.push(`${name}: sizes removed: ${list(minus)}`);
    for (const [z, n] of newSizes) {
      const o = oldSizes.get(z);
      if (o && (o.vcpus !== n.vcpus || o.memoryGiB !== n.memoryGiB))
        out.push(`${z}: ${o.vcpus} vCPUs / ${o.memoryGiB} GiB -> ${n.vcpus} vCPUs / ${n.memoryGiB} GiB`);
    }
    const pPlus = now.record.processors.filter((p) => !was.record.processors.includes(p));
    const pMinus = was.record.processors.filter((p) => !now.record.processors.includes(p));
    if (pPlus.length || pMinus.length) {
      out.push(`${name}: processors changed:${pPlus.length ? ` + ${pPlus.join(', ')}` : ''}${pMinus.length ? ` - ${pMinus.join(', ')}` : ''}`);
    }
    if (was.guaranteed !== now.guaranteed || was.best !== now.best) {
      out.push(
        `${name}: level changed: guarantees ${was.guaranteed ?? 'none'} -> ${now.guaranteed ?? 'none'} (best ${was.best ?? 'none'} -> ${now.best ?? 'none'})`,
      );
    }
    if (JSON.stringify(was.record.generations) !== JSON.stringify(now.record.generations)) {
      out.push(`${name}: Hyper-V generations ${JSON.stringify(was.record.generations)} -> ${JSON.stringify(now.record.generations)}`);
    }
    const oldPage = was.record.sources[0];
    const newPage = now.record.sources[0];
    if (oldPage && newPage && oldPage.asOf !== newPage.asOf) out.push(`${name}: page date moved ${oldPage.asOf} -> ${newPage.asOf}`);
  }

  for (const [model, now] of b.cpus) {
    const was = a.cpus.get(model);
    if (!was) out.push(`CPU model added: ${model} (${now.level ?? now.model.arch})`);
    else if (was.level !== now.level) out.push(`CPU level changed: ${model}: ${was.level ?? 'none'} -> ${now.level ?? 'none'}`);
  }
  for (const model of a.cpus.keys()) if (!b.cpus.has(model)) out.push(`CPU model removed: ${model}`);

  for (const d of after.distros) {
    const old = before.distros.find((x) => x.id === d.id);
    for (const r of d.releases) {
      const o = old?.releases.find((x) => x.version === r.version);
      const label = `${d.name} ${r.version}`;
      if (!o) {
        out.push(`release added: ${label}`);
        continue;
      }
      if (o.released !== r.released) out.push(`${label}: release date moved ${o.released ?? 'none'} -> ${r.released ?? 'none'}`);
      if (o.eol !== r.eol) out.push(`${label}: end of life moved ${o.eol ?? 'none'} -> ${r.eol ?? 'none'}`);
      if (JSON.stringify(o.extendedSupport) !== JSON.stringify(r.extendedSupport)) {
        out.push(
          `${label}: extended support ${o.extendedSupport ? `${o.extendedSupport.name} ${o.extendedSupport.until}` : 'none'} -> ${r.extendedSupport ? `${r.extendedSupport.name} ${r.extendedSupport.until}` : 'none'}`,
        );
      }
      if (o.status !== r.status) out.push(`${label}: status ${o.status} -> ${r.status}`);
    }
    for (const o of old?.releases ?? []) if (!d.releases.some((r) => r.version === o.version)) out.push(`release removed: ${d.name} ${o.version}`);
  }
  if (before.asOf !== after.asOf) out.push(`snapshot date: ${before.asOf} -> ${after.asOf}`);
  return out;
}
