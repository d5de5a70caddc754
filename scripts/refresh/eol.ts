// endoflife.date's API JSON for one product: the v1 API (/api/v1/products/<product>: result.releases[]
// with name, releaseDate, eolFrom, eoesFrom) or the older one (/api/<product>.json: [{cycle,
// releaseDate, eol, extendedSupport}]). Dates only; `true`/`false` flags carry no date and are ignored.

export interface EolCycle {
  cycle: string;
  released: string | null;
  eol: string | null;
  extended: string | null;
}

const day = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export function readEol(json: unknown): EolCycle[] {
  const v1 = (json as { result?: { releases?: unknown } })?.result?.releases;
  if (Array.isArray(v1)) {
    return v1.map((r: Record<string, unknown>) => ({
      cycle: String(r.name),
      released: day(r.releaseDate),
      eol: day(r.eolFrom),
      extended: day(r.eoesFrom),
    }));
  }
  if (Array.isArray(json)) {
    return json.map((r: Record<string, unknown>) => ({
      cycle: String(r.cycle),
      released: day(r.releaseDate),
      eol: day(r.eol),
      extended: day(r.extendedSupport),
    }));
  }
  throw new Error('endoflife.date: expected the API JSON (an array of cycles, or {result: {releases: [...]}})');
}

/** endoflife.date product -> distro id in this data set, and what it calls the phase after `eol`. */
export const EOL_PRODUCTS: Readonly<Record<string, { distro: string; extendedName: string }>> = {
  fedora: { distro: 'fedora', extendedName: 'Extended support' },
  debian: { distro: 'debian', extendedName: 'Debian LTS' },
  ubuntu: { distro: 'ubuntu', extendedName: 'Ubuntu Pro (ESM)' },
  rhel: { distro: 'rhel', extendedName: 'Extended Life-cycle Support' },
  almalinux: { distro: 'almalinux', extendedName: 'Extended support' },
  'rocky-linux': { distro: 'rocky-linux', extendedName: 'Extended support' },
  'centos-stream': { distro: 'centos-stream', extendedName: 'Extended support' },
  centos: { distro: 'centos', extendedName: 'Extended support' },
  'oracle-linux': { distro: 'oracle-linux', extendedName: 'Extended Support' },
  'amazon-linux': { distro: 'amazon-linux', extendedName: 'Extended support' },
  sles: { distro: 'sles', extendedName: 'LTSS' },
  opensuse: { distro: 'opensuse-leap', extendedName: 'Extended support' },
  linuxmint: { distro: 'linux-mint', extendedName: 'Extended support' },
  alpine: { distro: 'alpine', extendedName: 'Extended support' },
  cos: { distro: 'container-optimized-os', extendedName: 'Extended support' },
};

/** Does an endoflife.date cycle name this release? "24.04" names "24.04 LTS", "16" and "16.0" name each other. */
export function cycleMatches(cycle: string, version: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\s+lts$/, '')
      .replace(/^cos-/, '')
      .replace(/\.0$/, '');
  return norm(cycle) === norm(version);
}
