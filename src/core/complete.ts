// Autocomplete: ranked names for a partly typed size, distro, release, CPU or level. How many a
// platform can show is the platform's business (Discord's 25 live in its adapter).
import type { Catalog } from './catalog.js';
import { keyOf, sizeKeyOf } from './text.js';

export type CompleteField = 'size' | 'distro' | 'release' | 'cpu' | 'level';

export interface Choice {
  name: string;
  value: string;
}

/** Completions given when the caller names no limit. */
export const DEFAULT_LIMIT = 25;

export interface CompleteOptions {
  /** for releases: the distro already chosen (id or alias) */
  distro?: string;
  limit?: number;
}

/** Rank: exact key first, then prefix matches (shorter first), then substring matches. */
function rank(query: string, key: string): number {
  if (!query) return 2;
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(query)) return 3;
  return -1;
}

/**
 * Best match first. Sizes: shorter keys first, then the newest version ("D4s_v7" before "D4s_v5");
 * distros and releases: in the data's own order (releases are stored newest first).
 */
function ranked(query: string, items: Array<{ key: string; choice: Choice }>, limit: number, order: 'sizes' | 'as-stored' = 'as-stored'): Choice[] {
  return items
    .map((it, index) => ({ r: rank(query, it.key), len: it.key.length, index, it }))
    .filter((x) => x.r >= 0)
    .sort((a, b) =>
      order === 'sizes'
        ? a.r - b.r || a.len - b.len || b.it.choice.name.localeCompare(a.it.choice.name, 'en', { numeric: true })
        : a.r - b.r || a.index - b.index,
    )
    .slice(0, limit)
    .map((x) => x.it.choice);
}

export function completeWith(catalog: Catalog, field: CompleteField, partial: string, options: CompleteOptions = {}): Choice[] {
  const limit = Math.max(Math.floor(options.limit ?? DEFAULT_LIMIT), 1) || DEFAULT_LIMIT;
  const typed = String(partial ?? '').slice(0, 100);
  switch (field) {
    case 'size': {
      const q = sizeKeyOf(typed);
      const sizes = catalog.sizes.map((s) => ({ key: sizeKeyOf(s.size.name), choice: { name: s.size.name, value: s.size.name } }));
      return ranked(q, sizes, limit, 'sizes');
    }
    case 'distro': {
      const q = keyOf(typed);
      const items = catalog.distros.flatMap((d) => [d.name, d.id, ...d.aliases].map((alias) => ({ key: keyOf(alias), choice: { name: d.name, value: d.id } })));
      return dedupe(ranked(q, items, 200)).slice(0, limit);
    }
    case 'release': {
      const q = keyOf(typed);
      const distroKey = options.distro ? keyOf(options.distro) : '';
      const chosen = distroKey ? catalog.distroByKey.get(distroKey) : undefined;
      const distros = chosen ? [chosen] : catalog.distros;
      const items = distros.flatMap((d) =>
        d.releases.map((r) => {
          const name = `${d.name} ${r.version}`.slice(0, 100);
          return { key: chosen ? keyOf(r.version) : keyOf(name), choice: { name, value: `${d.id} ${r.version.split(/[\s(]/)[0]}`.slice(0, 100) } };
        }),
      );
      return ranked(q, items, limit);
    }
    case 'cpu': {
      const q = keyOf(typed);
      const items = [...catalog.cpuByKey.entries()].flatMap(([key, cpus]) =>
        cpus.map((c) => ({ key, choice: { name: c.model.model.slice(0, 100), value: c.model.model.slice(0, 100) } })),
      );
      return dedupe(ranked(q, items, 400)).slice(0, limit);
    }
    case 'level': {
      const q = keyOf(typed);
      const items = catalog.levels.levels.map((l) => ({ key: keyOf(l.level), choice: { name: l.level, value: l.level } }));
      return ranked(q.replace(/^v/, 'x8664v'), items, limit).length ? ranked(q.replace(/^v/, 'x8664v'), items, limit) : ranked('', items, limit);
    }
  }
}

function dedupe(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((c) => (seen.has(c.value) ? false : (seen.add(c.value), true)));
}
