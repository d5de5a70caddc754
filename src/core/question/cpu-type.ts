// "Which CPU type should I pick in Proxmox for Rocky 10?", "does setting the CPU type to host fix it?": the choice of a
// QEMU/KVM guest's virtual CPU type. `host` passes the host's every feature through, at the cost of live migration
// between different hosts; a named type with a fixed level (Proxmox's x86-64-v2-AES, x86-64-v3) is the middle
// ground. Facts from the family rules of src/data/cpu-families.json (qemu-host, proxmox-x86-64-v2-aes).
import type { Answer } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { CpuFamilyInfo } from '../cpu-family.js';
import { uniqueSources } from '../answers/build.js';
import { levelRank } from '../levels.js';
import type { Frame } from './frame.js';
import { triage } from './triage-plan.js';

/** A guest's CPU type named as something to set or choose ("CPU type", "processor type", "-cpu host", "cpu: host"). */
const CPU_TYPE =
  /\b(?:v?cpu|processor)[\s-]*(?:type|model)s?\b|\b(?:v?cpu|processor)\b[^.?!\n]{0,20}\bhost\b|\bcpu\s*[:=]\s*["'`]?host\b|-cpu\s+host\b|\bhost[\s-](?:passthrough|cpu(?:\s+type)?)\b|\btype\s+["'`]?host\b/;
/** Words that ask for a choice, or whether one fixes the problem. */
const CHOICE =
  /\b(?:which|what|should|choose|choosing|pick|picking|select|set|setting|use|using|recommend\w*|best|right|fix|fixes|fixed|solve[sd]?|help|change[sd]?|changing|switch\w*|or|vs\.?|versus|instead)\b/;
function family(catalog: Catalog, id: string): CpuFamilyInfo | undefined {
  return catalog.cpuFamilies.families.find((f) => f.rule.id === id);
}

export function cpuTypeChoice(catalog: Catalog, query: string, f: Frame): Answer | null {
  const qemu = f.e.mentions.hypervisors.includes('QEMU/KVM') || f.e.mentions.virtualCpus.length > 0;
  if (!qemu || f.targets.length || !CPU_TYPE.test(f.lower) || !CHOICE.test(f.lower)) return null;
  // "which CPU model fits my Xeon E3-1275 v2?": the processor named is the question
  if (f.e.cpus.length || f.e.mentions.familyCpus.some((m) => m.family.rule.kind === 'processor') || f.e.mentions.codenames.length) return null;
  const host = family(catalog, 'qemu-host');
  const named = family(catalog, 'proxmox-x86-64-v2-aes');
  if (!host || !named?.level) return null;
  const migration = host.rule.caveats.find((c) => /migration/i.test(c));
  const lead = `CPU type \`host\` passes every CPU feature of the host to the guest, so software built for x86-64-v2 or x86-64-v3 runs when the host has them${migration ? '; the cost is live migration between hosts with different CPUs, which it makes unsafe' : ''}. A named type with a fixed level is the middle ground: Proxmox's ${named.rule.model.replace(/^Proxmox VE /, '')} gives the guest ${named.level} on any host that has it (and never AVX), its x86-64-v3 type the v3 set.`;
  // each release named: what it needs of the CPU type
  const needs = f.releases
    .filter((r) => !r.defaulted || f.releases.length === 1)
    .slice(0, 4)
    .flatMap((r) => {
      const need = r.release.x86_64Baseline;
      if (!need) return [];
      const name = `${r.distro.name} ${r.release.version}`;
      const alt = r.release.altBuildBaseline;
      const altLine = alt && levelRank(alt) < levelRank(need) ? ` (its separate ${alt} build runs on ${alt})` : '';
      return [
        levelRank(need) <= levelRank(named.level!)
          ? `${name} needs ${need}: ${named.rule.model.replace(/^Proxmox VE /, '')} or \`host\` both run it.`
          : `${name} needs ${need}${altLine}: ${named.rule.model.replace(/^Proxmox VE /, '')} is not enough; use \`host\` or the x86-64-v3 type, on hosts with AVX2.`,
      ];
    });
  const base = triage(catalog, query, f);
  if (base.kind !== 'triage') return null;
  // "does setting the CPU type to host fix it?": yes, when the host's CPU has what the software needs
  const yes = f.intent.yesNo && /\bhost\b/.test(f.lower) ? 'Yes, when the host’s own CPU has the features — ' : '';
  return {
    ...base,
    summary: `${yes}${[lead, ...needs].join(' ')}`,
    verdict: null,
    facts: base.facts.filter((x) => x.label !== 'Verdict'),
    caveats: [...(migration ? [migration] : []), ...base.caveats],
    sources: uniqueSources(host.rule.sources, named.rule.sources, base.sources),
  };
}
