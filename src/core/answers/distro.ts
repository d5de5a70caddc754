// Answers about distributions: upstream and lineage, releases, kernel, package manager, support dates.
import type { Answer, Fact, LineageLink } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { Distro, DistroRelease, Relation } from '../../data/schema.js';
import { today } from '../clock.js';
import { fact, finish, pushFact, releaseLabel, uniqueSources } from './build.js';
import { eolPhrase, statusOf } from './lifecycle.js';
import { joinMapped, listOf } from '../text.js';

export { statusOf };

export type DistroFacet = 'overview' | 'upstream' | 'lineage' | 'kernel' | 'package-manager' | 'eol' | 'status' | 'arches' | 'baseline';

/** How each relation reads after a release's name, said of one release or of several. */
export const RELATION_PHRASE: Record<Relation, readonly [one: string, many: string]> = {
  independent: ['is its own root (independent)', 'are each their own root (independent)'],
  'derived-from': ['is derived from', 'are derived from'],
  'rebuild-of': ['is a rebuild of', 'are rebuilds of'],
  'built-from-sources-of': ['is built from sources of', 'are built from sources of'],
};
/** The order relations are said in: what a release is first, then what it takes sources from. */
const RELATION_ORDER: readonly Relation[] = ['independent', 'derived-from', 'rebuild-of', 'built-from-sources-of'];

/** "Fedora Linux 43", "VMware Photon OS": an upstream edge's distribution, with its release when one is recorded. */
export function upstreamName(catalog: Catalog, edge: { distro: string; version: string | null }): string {
  return `${catalog.distroById(edge.distro)?.name ?? edge.distro}${edge.version ? ` ${edge.version}` : ''}`;
}

/** Every upstream edge of a release in one sentence, each relation once with all its distributions: "Azure Linux 3.0
 * is its own root (independent), built from sources of Fedora Linux and VMware Photon OS." `subject` names the
 * release (or several releases, `many`, that share these edges). */
export function upstreamSentence(catalog: Catalog, subject: string, rel: DistroRelease, many = false): string {
  if (!rel.upstream.length) return `${subject}: no upstream recorded.`;
  const clauses = RELATION_ORDER.flatMap((relation) => {
    const edges = rel.upstream.filter((e) => e.relation === relation);
    if (!edges.length) return [];
    const phrase = RELATION_PHRASE[relation][many ? 1 : 0];
    return [relation === 'independent' ? phrase : `${phrase} ${listOf(edges.map((e) => upstreamName(catalog, e)))}`];
  });
  const [first, ...rest] = clauses as [string, ...string[]];
  const more = rest.map((c) => c.replace(/^(is|are) /, ''));
  if (!more.length) return `${subject} ${first}.`;
  return first.startsWith(RELATION_PHRASE.independent[many ? 1 : 0]) ? `${subject} ${first}, ${listOf(more)}.` : `${subject} ${listOf([first, ...more])}.`;
}

/** Walk upstream edges to the root: the first non-independent edge at each step. */
export function lineageChain(catalog: Catalog, distro: Distro, release: DistroRelease | null): LineageLink[] {
  const chain: LineageLink[] = [];
  const seen = new Set<string>();
  let cur: { distro: Distro; release: DistroRelease | null } | null = { distro, release };
  while (cur && chain.length < 12) {
    const key = `${cur.distro.id}@${cur.release?.version ?? ''}`;
    if (seen.has(key)) break;
    seen.add(key);
    const rel: DistroRelease | null = cur.release ?? catalog.newestRelease(cur.distro);
    const edges: DistroRelease['upstream'] = rel.upstream.filter((e) => e.relation !== 'independent');
    const edge: DistroRelease['upstream'][number] | undefined = edges.find((e) => e.relation !== 'built-from-sources-of') ?? edges[0];
    if (!edge) {
      chain.push({ distro: cur.distro.id, release: cur.release?.version ?? null, relation: 'independent' });
      break;
    }
    chain.push({ distro: cur.distro.id, release: cur.release?.version ?? null, relation: edge.relation });
    const up = catalog.distroById(edge.distro);
    if (!up) break;
    cur = { distro: up, release: edge.version ? catalog.findRelease(up, edge.version) : null };
    if (!cur.release && edge.version) {
      chain.push({ distro: up.id, release: edge.version, relation: 'independent' });
      break;
    }
  }
  return chain;
}

/** What a lineage answer says about a release whatever was asked: its chain to the root, its upstream edges in
 * words and the summary they make. Worked out once per release (a release's lineage is fixed by the catalog), not
 * on every question that names it; answers get copies. */
interface LineageParts {
  distro: Distro;
  chain: readonly LineageLink[];
  chainText: string;
  direct: readonly string[];
  summary: string;
}

const lineageMemo = new WeakMap<Catalog, WeakMap<DistroRelease, LineageParts>>();

export function lineageParts(catalog: Catalog, distro: Distro, rel: DistroRelease): LineageParts {
  let byRelease = lineageMemo.get(catalog);
  if (!byRelease) {
    byRelease = new WeakMap();
    lineageMemo.set(catalog, byRelease);
  }
  const known = byRelease.get(rel);
  if (known && known.distro === distro) return known;
  const parts = lineageOf(catalog, distro, rel);
  byRelease.set(rel, parts);
  return parts;
}

function lineageOf(catalog: Catalog, distro: Distro, rel: DistroRelease): LineageParts {
  const chain = lineageChain(catalog, distro, rel);
  const name = releaseLabel(distro, rel);
  const direct = rel.upstream.map((e) => `${name} ${RELATION_PHRASE[e.relation][0]}${e.relation === 'independent' ? '' : ` ${upstreamName(catalog, e)}`}.`);
  return { distro, chain, chainText: chainTextOf(catalog, chain), direct, summary: upstreamSentence(catalog, name, rel) };
}

/** The chain in words, one step per link; a step whose release has other upstreams besides the one followed names
 * them too ("Azure Linux 3.0 → Fedora Linux and VMware Photon OS"; "Flatcar Container Linux → CoreOS Container Linux
 * (also built from sources of Gentoo Linux)"), unless the chain reaches them anyway. */
function chainTextOf(catalog: Catalog, chain: readonly LineageLink[]): string {
  const inChain = new Set(chain.map((l) => l.distro));
  return chain
    .map((l, i) => {
      const d = catalog.distroById(l.distro);
      const name = `${d?.name ?? l.distro}${l.release ? ` ${l.release}` : ''}`;
      const prev = chain[i - 1];
      const prevDistro = prev && catalog.distroById(prev.distro);
      const prevRel = prevDistro && (prev.release ? catalog.findRelease(prevDistro, prev.release) : catalog.newestRelease(prevDistro));
      if (!prev || !prevRel) return name;
      const others = prevRel.upstream.filter((e) => e.relation !== 'independent' && e.distro !== l.distro && !inChain.has(e.distro));
      const same = others.filter((e) => e.relation === prev.relation).map((e) => upstreamName(catalog, e));
      const other = RELATION_ORDER.flatMap((r) => {
        const edges = others.filter((e) => e.relation === r && r !== prev.relation);
        return edges.length ? [`also ${RELATION_PHRASE[r][0].replace(/^is /, '')} ${listOf(edges.map((e) => upstreamName(catalog, e)))}`] : [];
      });
      return `${listOf([name, ...same])}${other.length ? ` (${other.join('; ')})` : ''}`;
    })
    .join(' → ');
}

export function lineageAnswer(catalog: Catalog, query: string, distro: Distro, release: DistroRelease | null, facet: DistroFacet): Answer {
  const rel = release ?? catalog.newestRelease(distro);
  const { chain, chainText, direct, summary } = lineageParts(catalog, distro, rel);
  const name = releaseLabel(distro, rel);
  return finish({
    kind: 'lineage',
    query,
    title: facet === 'lineage' ? `Lineage of ${name}` : `Upstream of ${name}`,
    summary,
    distro: distro.id,
    release: rel.version,
    chain: chain.map((l) => ({ ...l })),
    facts: [...fact('Chain', chainText), ...releaseFacts(rel)],
    sections: [{ title: 'Upstream edges', lines: direct.length ? [...direct] : ['none recorded'] }],
    caveats: releaseCaveats(distro, rel, release === null),
    sources: rel.sources,
    context: { topic: facet, distro: distro.id, release: rel.version },
  });
}

export function distroAnswer(catalog: Catalog, query: string, distro: Distro, release: DistroRelease | null, facet: DistroFacet): Answer {
  if (facet === 'upstream' || facet === 'lineage') return lineageAnswer(catalog, query, distro, release, facet);
  const rel = release ?? catalog.newestRelease(distro);
  const name = releaseLabel(distro, rel);
  const day = today();
  return finish({
    kind: 'distro',
    query,
    title: name,
    summary: facetSummary(distro, rel, name, day, facet),
    distro: distro.id,
    release: rel.version,
    facts: [...releaseFacts(rel, day), ...fact('Also known as', distro.aliases.slice(0, 6).join(', '))],
    caveats: releaseCaveats(distro, rel, release === null),
    sources: rel.sources,
    context: { topic: facet, distro: distro.id, release: rel.version },
  });
}

/** The one summary the facet asks for (only that one is worked out: a status, an end-of-life phrase …). */
function facetSummary(distro: Distro, rel: DistroRelease, name: string, day: string, facet: Exclude<DistroFacet, 'upstream' | 'lineage'>): string {
  switch (facet) {
    case 'overview':
      return `${name}: ${statusOf(rel, day)}${rel.packageManager ? `, ${rel.packageManager}` : ''}${rel.kernel ? `, kernel ${rel.kernel}` : ''}.`;
    case 'kernel':
      return rel.kernel ? `${name} ships kernel ${rel.kernel}.` : `The sources name no kernel for ${name}.`;
    case 'package-manager':
      return rel.packageManager ? `${name} uses ${rel.packageManager}.${earlierManager(distro, rel)}` : `The sources name no package manager for ${name}.`;
    case 'eol':
      return rel.eol ? `${name}: ${rel.extendedSupport ? statusOf(rel, day) : eolPhrase(rel.eol, day)}.` : `No end-of-life date is published for ${name}.`;
    case 'status':
      return `${name} is ${statusOf(rel, day)}${rel.released ? ` (released ${rel.released})` : ''}.`;
    case 'arches':
      return `${name} ships for ${rel.arches.join(', ') || 'architectures not confirmed in the sources'}.`;
    case 'baseline':
      return baselineSummary(name, rel);
  }
}

export function releasesAnswer(catalog: Catalog, query: string, distro: Distro): Answer {
  const day = today();
  const rows = distro.releases.map((r) => [r.version, statusOf(r, day), r.released ?? '—', r.eol ?? '—', r.x86_64Baseline ?? '—']);
  return finish({
    kind: 'releases',
    query,
    title: `${distro.name} releases`,
    summary: `${distro.name}: ${distro.releases.map((r) => r.version).join(', ')} (newest first).`,
    distro: distro.id,
    releases: distro.releases.map((r) => r.version),
    facts: [...fact('Vendor', distro.vendor), ...fact('Releases', distro.releases.length)],
    sections: [{ title: 'Releases', table: { columns: ['Release', 'Status', 'Released', 'End of life', 'x86-64 baseline'], rows } }],
    sources: uniqueSources(...distro.releases.map((r) => r.sources.slice(0, 2))),
    context: { topic: 'releases', distro: distro.id },
  });
}

function baselineSummary(name: string, rel: DistroRelease): string {
  const base = rel.x86_64Baseline ? `${name} needs ${rel.x86_64Baseline}` : `No x86-64 baseline is documented for ${name}`;
  return rel.azureImageBaseline && rel.azureImageBaseline !== rel.x86_64Baseline ? `${base}; its Azure images need ${rel.azureImageBaseline}.` : `${base}.`;
}

function releaseFacts(rel: DistroRelease, day?: string): Fact[] {
  const out: Fact[] = [];
  if (day) pushFact(out, 'Status', statusOf(rel, day));
  pushFact(out, 'Released', rel.released);
  pushFact(out, 'End of life', rel.eol);
  pushFact(out, rel.extendedSupport ? `${rel.extendedSupport.name} until` : 'Extended support', rel.extendedSupport?.until);
  pushFact(out, 'Separate build for older CPUs', rel.altBuildBaseline);
  pushFact(out, 'Package manager', rel.packageManager);
  pushFact(out, 'Kernel', rel.kernel);
  pushFact(out, 'x86-64 baseline', rel.x86_64Baseline);
  pushFact(out, 'Azure images need', rel.azureImageBaseline);
  pushFact(out, 'Azure image generations', rel.azureImageGenerations && joinMapped(rel.azureImageGenerations, (g) => `Gen ${g}`, ', '));
  pushFact(out, 'Architectures', rel.arches.join(', '));
  return out;
}

function releaseCaveats(distro: Distro, rel: DistroRelease, defaulted: boolean): string[] {
  const out = [...rel.caveats];
  if (defaulted && distro.releases.length > 1) out.unshift(`No release named, so this is about the newest: ${distro.name} ${rel.version}.`);
  return out;
}

/** " Azure Linux 3.0 uses tdnf.": the release before, when it used another package manager. */
function earlierManager(distro: Distro, rel: DistroRelease): string {
  const before = distro.releases[distro.releases.indexOf(rel) + 1];
  return before?.packageManager && before.packageManager !== rel.packageManager ? ` ${distro.name} ${before.version} uses ${before.packageManager}.` : '';
}
