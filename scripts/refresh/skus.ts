// `az vm list-skus -o json` output (Azure Resource SKUs): per VM size its vCPUs, memory, CPU architecture
// and Hyper-V generations. The API lists a size once per region; the first entry of each name is read.

export interface Sku {
  name: string;
  vcpus: number | null;
  memoryGiB: number | null;
  arch: 'x64' | 'Arm64' | null;
  generations: Array<'1' | '2'> | null;
}

interface RawSku {
  resourceType?: string;
  name?: string;
  capabilities?: Array<{ name?: string; value?: string }>;
}

export function readSkus(json: unknown): Map<string, Sku> {
  if (!Array.isArray(json)) throw new Error('list-skus: expected a JSON array (az vm list-skus -o json)');
  const out = new Map<string, Sku>();
  for (const raw of json as RawSku[]) {
    if (raw?.resourceType !== 'virtualMachines' || typeof raw.name !== 'string' || out.has(raw.name)) continue;
    const cap = new Map((raw.capabilities ?? []).map((c) => [c.name ?? '', c.value ?? '']));
    const num = (k: string) => (cap.has(k) && Number.isFinite(Number(cap.get(k))) ? Number(cap.get(k)) : null);
    const archText = cap.get('CpuArchitectureType');
    const gens = cap.get('HyperVGenerations');
    out.set(raw.name, {
      name: raw.name,
      vcpus: num('vCPUs'),
      memoryGiB: num('MemoryGB'),
      arch: archText === undefined ? null : /arm/i.test(archText) ? 'Arm64' : 'x64',
      generations: gens ? ([...new Set([...gens.matchAll(/V([12])/gi)].map((m) => m[1] as '1' | '2'))].sort() as Array<'1' | '2'>) : null,
    });
  }
  return out;
}
