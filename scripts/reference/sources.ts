// Reference source records -> { title, url, asOf } of the schema.
import type { Source } from '../../src/data/schema.js';
import type { RefCpuSource } from './types.js';
import { commitUrl, fileUrl, titleForUrl } from './urls.js';

const REPO_TITLES: Readonly<Record<string, string>> = {
  'MicrosoftDocs/azure-compute-docs': 'Microsoft Learn',
  'MicrosoftDocs/azure-docs': 'Microsoft Learn (azure-docs)',
  'gitlab.com/x86-psABIs/x86-64-ABI': 'x86-64 psABI',
  'bminor/glibc': 'glibc',
  'gcc-mirror/gcc': 'GCC',
  'archspec/archspec-json': 'archspec',
  'CachyOS/linux': 'Linux kernel (CachyOS tree)',
  'oamg/leapp-repository': 'Red Hat leapp upgrade checks',
  'ArmDeveloperEcosystem/arm-learning-paths': 'Arm Learning Paths',
  'HenrikBengtsson/x86-64-level': 'x86-64-level tool',
};

export function titleForRepoFile(repo: string, path: string | undefined): string {
  const owner = REPO_TITLES[repo] ?? repo;
  if (!path) return owner;
  if (repo.startsWith('MicrosoftDocs/')) {
    const page = (path.split('/').pop() ?? path).replace(/\.md$/, '').replace(/[-_]+/g, ' ');
    return `${owner}: ${page}`;
  }
  return `${owner}: ${path}`;
}

/** A reference source with repo/path/commit or url; null when it has no public address (index ids). */
export function sourceOfRepoFile(s: RefCpuSource, asOf: string): Source | null {
  if (s.url) return { title: titleForUrl(s.url), url: s.url, asOf, dated: 'checked' };
  if (!s.repo) return null;
  if (s.path) return { title: titleForRepoFile(s.repo, s.path), url: fileUrl(s.repo, s.path, s.commit ?? 'HEAD'), asOf, dated: 'checked' };
  if (s.commit) return { title: `${REPO_TITLES[s.repo] ?? s.repo} commit ${s.commit.slice(0, 8)}`, url: commitUrl(s.repo, s.commit), asOf, dated: 'checked' };
  return null;
}

/** Keep the first source per address. */
export function uniqueSources(sources: Array<Source | null>): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of sources) {
    if (!s || seen.has(s.url)) continue;
    seen.add(s.url);
    out.push(s);
  }
  return out;
}
