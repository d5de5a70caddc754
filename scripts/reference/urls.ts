// Source addresses and short titles. Titles are made from the address (host, repository, path), never
// from the reference's prose, so they are our own words.

/** Web address of one file at one commit. `repo` is "owner/name" on GitHub or "gitlab.com/group/project". */
export function fileUrl(repo: string, path: string, ref: string): string {
  const cleanPath = path.split('/').map(encodeURIComponent).join('/');
  if (repo.startsWith('gitlab.com/')) return `https://${repo}/-/blob/${ref}/${cleanPath}`;
  return `https://github.com/${repo}/blob/${ref}/${cleanPath}`;
}

/** Web address of one commit. */
export function commitUrl(repo: string, commit: string): string {
  if (repo.startsWith('gitlab.com/')) return `https://${repo}/-/commit/${commit}`;
  return `https://github.com/${repo}/commit/${commit}`;
}

const words = (slug: string): string =>
  decodeURIComponent(slug)
    .replace(/\.(md|html?|adoc|txt)$/i, '')
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** At most about 60 characters, cut at a word. */
const short = (text: string): string => {
  if (text.length <= 60) return text;
  const cut = text.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
};

const basename = (path: string): string => path.split('/').filter(Boolean).pop() ?? path;

/** Branch names with a slash that appear in the distro sources' GitHub addresses. */
const SLASHED_REFS = ['tomls/base/main', 'cblmargh/kernel-upgrade-3.0-dev-hwe-6.12.85.1'];

function githubTitle(parts: string[]): string {
  const [owner, repo, kind, ...rest] = parts;
  const name = repo ? `${owner}/${repo}` : `${owner}`;
  if (!repo) return `GitHub: ${owner}`;
  if (!kind) return `GitHub ${name}`;
  if (kind === 'issues') return `GitHub ${name} issue #${rest[0]}`;
  if (kind === 'pull') return `GitHub ${name} pull request #${rest[0]}`;
  if (kind === 'commit') return `GitHub ${name} commit ${String(rest[0]).slice(0, 8)}`;
  if (kind === 'releases' && rest[0] === 'tag') return `GitHub ${name} release ${rest[1]}`;
  if (kind === 'blob' || kind === 'tree') {
    const joined = rest.join('/');
    const ref = SLASHED_REFS.find((r) => joined === r || joined.startsWith(`${r}/`)) ?? rest[0] ?? '';
    const path = joined.slice(ref.length).replace(/^\//, '');
    const shortRef = /^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 8) : ref;
    if (!path) return `GitHub ${name}, ${shortRef} branch`;
    return `GitHub ${name}: ${basename(path)} (${shortRef})`;
  }
  return `GitHub ${name}: ${words(parts.slice(2).join(' '))}`;
}

/** A short title for a web address. */
export function titleForUrl(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '');
  const parts = u.pathname.split('/').filter(Boolean);
  const last = parts.length > 0 ? short(words(parts[parts.length - 1]!)) : '';
  switch (host) {
    case 'github.com':
      return githubTitle(parts);
    case 'endoflife.date':
      return `endoflife.date: ${parts[0]}`;
    case 'learn.microsoft.com':
      return `Microsoft Learn: ${parts.includes('azure-linux') ? 'Azure Linux ' : ''}${last}`;
    case 'fedoraproject.org':
      return `Fedora wiki: ${words(parts.slice(1).join(' '))}`;
    case 'discussion.fedoraproject.org':
      return `Fedora Discussion: ${words(parts[1] ?? '')}`;
    case 'docs.aws.amazon.com':
      return `AWS docs: ${parts[1] === 'al2023' ? 'Amazon Linux 2023' : 'Amazon Linux 2'} ${last}`;
    case 'aws.amazon.com':
      return `AWS: ${words(parts.slice(1).join(' '))}`;
    case 'docs.oracle.com':
      return `Oracle docs: ${last}`;
    case 'docs.redhat.com':
      return `Red Hat docs: ${words(parts.slice(-3).join(' '))}`;
    case 'developers.redhat.com':
      return `Red Hat Developer: ${last}`;
    case 'documentation.ubuntu.com':
      return `Ubuntu docs: ${last}`;
    case 'packages.debian.org':
    case 'packages.ubuntu.com':
      return `${host.startsWith('packages.debian') ? 'Debian' : 'Ubuntu'} packages: ${parts[1]} (${parts[0]})`;
    case 'gitlab.com': {
      const mr = u.pathname.match(/merge_requests\/(\d+)/);
      return mr ? `GitLab ${parts.slice(0, -4).join('/')} merge request ${mr[1]}` : `GitLab ${parts.join('/')}`;
    }
    case 'en.wikipedia.org':
      return `Wikipedia: ${last}`;
    case 'build.opensuse.org':
      return `openSUSE Build Service: ${parts[3] ?? last}`;
    case 'man.archlinux.org':
      return `Arch Linux manual: ${last.replace(/ 7 en$/, '(7)')}`;
    case 'opensource.microsoft.com':
      return `Microsoft Open Source blog: ${last}`;
    default:
      return last ? `${host}: ${last}` : host;
  }
}
