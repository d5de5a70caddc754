// distros.json from the reference's distros.json plus the release facts kept in reference-overrides.ts.
//
// Source dates: distros.json records no date per source. A source whose address belongs to one of the
// snapshots dated in notes/distro-notes.md gets that snapshot's date (DISTRO_SOURCE_SNAPSHOTS); every
// other source gets the date the reference was compiled, 2026-11-27 (REFERENCE_COMPILED).
import type { Distro, DistroRelease, LevelName, Relation, Source } from '../../src/data/schema.js';
import {
  DISTRO_ALIAS_CHANGES,
  DISTRO_SOURCE_SNAPSHOTS,
  MISSING_RELEASES,
  PREVIEW_RELEASES,
  REFERENCE_COMPILED,
  RELEASE_ORDER,
  RELEASE_OVERRIDES,
  RELEASE_VERSION_RENAMES,
} from '../reference-overrides.js';
import { uniqueSources } from './sources.js';
import { LEVEL_NAMES } from '../../src/data/level-names.js';
import type { RefDistro, RefDistroRelease, Reference } from './types.js';
import { titleForUrl } from './urls.js';

const RELATIONS: readonly Relation[] = ['derived-from', 'rebuild-of', 'built-from-sources-of', 'independent'];
const LEVELS: readonly LevelName[] = LEVEL_NAMES;
const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function sourceDate(url: string): string {
  return DISTRO_SOURCE_SNAPSHOTS.find((s) => s.pattern.test(url))?.asOf ?? REFERENCE_COMPILED;
}

function distroSource(src: { url: string; what: string; checked?: string }): Source {
  const secondary = /\(secondary\)|^third-party/i.test(src.what);
  return { title: `${titleForUrl(src.url)}${secondary ? ' (secondary)' : ''}`, url: src.url, asOf: src.checked ?? sourceDate(src.url), dated: 'checked' };
}

/** The version as this data set spells it (RELEASE_VERSION_RENAMES). */
export function renamedVersion(distroId: string, version: string): string {
  return RELEASE_VERSION_RENAMES[distroId]?.[version] ?? version;
}

function level(value: string | null, where: string): LevelName | null {
  if (value === null) return null;
  const l = LEVELS.find((x) => x === value);
  if (!l) throw new Error(`${where}: unknown level ${value}`);
  return l;
}

function orderedReleases(d: RefDistro): RefDistroRelease[] {
  const order = RELEASE_ORDER[d.id];
  if (!order) return d.releases;
  const byVersion = new Map(d.releases.map((r) => [renamedVersion(d.id, r.version), r]));
  if (order.length !== d.releases.length || !order.every((v) => byVersion.has(v))) {
    throw new Error(`RELEASE_ORDER for ${d.id} does not list its releases`);
  }
  return order.map((v) => byVersion.get(v)!);
}

/**
 * An upstream version as the upstream's own release list spells it, when it names one of them in a
 * shorter form ("24.04" -> "24.04 LTS", "16" -> "16.0"); otherwise unchanged (older releases the table
 * does not hold, ranges such as "34-36", symbolic names such as "unstable (sid)").
 */
export function canonicalUpstreamVersion(version: string, upstreamVersions: readonly string[]): string {
  if (upstreamVersions.includes(version)) return version;
  const lower = version.toLowerCase();
  const match = upstreamVersions.filter((v) => v.toLowerCase().startsWith(`${lower} `) || v.toLowerCase() === `${lower}.0`);
  return match.length === 1 ? match[0]! : version;
}

export function buildDistros(ref: Reference): Distro[] {
  const usedOverrides = new Set<string>();
  const versionsOf = new Map(
    ref.distros.map((d) => [
      d.id,
      d.releases.length > 0 ? d.releases.map((r) => renamedVersion(d.id, r.version)) : MISSING_RELEASES[d.id] ? [MISSING_RELEASES[d.id]!.version] : [],
    ]),
  );

  const distros = ref.distros.map((d): Distro => {
    const change = DISTRO_ALIAS_CHANGES[d.id] ?? {};
    for (const r of change.remove ?? []) {
      if (!d.aliases.includes(r)) throw new Error(`${d.id}: alias to remove not present: ${r}`);
    }
    const taken = new Set([key(d.id), key(d.name)]);
    const aliases: string[] = [];
    for (const a of [...d.aliases.filter((x) => !(change.remove ?? []).includes(x)), ...(change.add ?? [])]) {
      if (taken.has(key(a))) continue;
      taken.add(key(a));
      aliases.push(a);
    }

    const releases: DistroRelease[] = orderedReleases(d).map((r): DistroRelease => {
      const version = renamedVersion(d.id, r.version);
      const id = `${d.id}@${version}`;
      const over = RELEASE_OVERRIDES[id] ?? {};
      if (RELEASE_OVERRIDES[id]) usedOverrides.add(id);
      return {
        version,
        codename: r.codename,
        released: r.released,
        eol: r.eol,
        extendedSupport: r.extendedSupport ? { ...r.extendedSupport } : null,
        status: PREVIEW_RELEASES.some(([i, v]) => i === d.id && v === version) ? 'preview' : 'ga',
        upstream: r.upstream.map((u) => {
          const relation = RELATIONS.find((x) => x === u.relation);
          if (!relation) throw new Error(`${id}: unknown relation ${u.relation}`);
          const targets = versionsOf.get(u.distro) ?? [];
          const v = u.version === null ? null : canonicalUpstreamVersion(renamedVersion(u.distro, u.version), targets);
          return { distro: u.distro, version: v, relation };
        }),
        packageManager: r.packageManager,
        kernel: r.kernel,
        x86_64Baseline: level(r.x86_64Baseline, id),
        altBuildBaseline: over.altBuildBaseline ?? null,
        azureImageBaseline: over.azureImageBaseline ?? null,
        azureImageGenerations: over.azureImageGenerations ? [...over.azureImageGenerations] : null,
        arches: [...r.arches],
        aliases: [...(over.aliases ?? [])],
        caveats: [...(over.caveats ?? [])],
        sources: uniqueSources(r.sources.map(distroSource)),
      };
    });

    const missing = MISSING_RELEASES[d.id];
    if (releases.length === 0 && missing) {
      releases.push({
        version: missing.version,
        codename: null,
        released: null,
        eol: null,
        extendedSupport: null,
        status: 'ga',
        upstream: [],
        packageManager: null,
        kernel: null,
        x86_64Baseline: null,
        altBuildBaseline: null,
        azureImageBaseline: null,
        azureImageGenerations: null,
        arches: [],
        aliases: [],
        caveats: [missing.caveat],
        sources: [distroSource({ url: missing.sourceUrl, what: '' })],
      });
    }

    return { id: d.id, name: d.name, vendor: d.vendor, aliases, releases };
  });

  for (const id of Object.keys(RELEASE_OVERRIDES)) {
    if (!usedOverrides.has(id)) throw new Error(`RELEASE_OVERRIDES names unknown release ${id}`);
  }
  for (const [id, v] of PREVIEW_RELEASES) {
    if (!distros.some((d) => d.id === id && d.releases.some((r) => r.version === v))) {
      throw new Error(`PREVIEW_RELEASES names unknown release ${id}@${v}`);
    }
  }
  return distros;
}
