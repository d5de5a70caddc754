// "Is X based on Y?", "is X a rebuild (clone) of Y?", "which Y release is X built from?": the answer first ("Yes —",
// "Yes, indirectly —", "No —"), from the upstream edges in the data, with the relation named.
import type { Answer, Verdict } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { Distro, DistroRelease, Relation, Source } from '../../data/schema.js';
import { releaseLabel, uniqueSources } from './build.js';
import { lineageAnswer, RELATION_PHRASE, upstreamName, upstreamSentence } from './distro.js';
import { versionHead } from '../catalog.js';
import { listOf } from '../text.js';

/** A distribution named in the question: the release typed, or (defaulted) its newest when none was. */
export interface NamedDistro {
  distro: Distro;
  release: DistroRelease;
  defaulted: boolean;
}

/** What the question asks: any descent ("based on", "derived", "fork", "downstream"), or a rebuild ("clone"). */
export type AskedRelation = 'any' | 'rebuild';

/** One step up: the relation and the distribution (and release, when recorded) it leads to. */
interface Step {
  relation: Relation;
  name: string;
}

/** A distribution reached by walking upstream edges, and the steps that reach it. */
interface Reached {
  distro: string;
  /** the release the last edge names; null: the distribution as a whole */
  version: string | null;
  release: DistroRelease | null;
  steps: Step[];
  /** the releases passed through (their sources back each step) */
  through: DistroRelease[];
}

/** Every distribution upstream of a release, each by its shortest walk (breadth first). An edge without a release
 * goes on from the upstream's newest release, as the lineage chain does. */
export function upstreamsOf(catalog: Catalog, rel: DistroRelease): Reached[] {
  const out: Reached[] = [];
  const seen = new Set<string>();
  let frontier: Array<{ release: DistroRelease; steps: Step[]; through: DistroRelease[] }> = [{ release: rel, steps: [], through: [rel] }];
  while (frontier.length && out.length < 40) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      for (const e of node.release.upstream) {
        if (e.relation === 'independent') continue;
        const key = `${e.distro}@${e.version ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const up = catalog.distroById(e.distro);
        const release = up && e.version ? catalog.findRelease(up, e.version) : null;
        const steps = [...node.steps, { relation: e.relation, name: upstreamName(catalog, e) }];
        const through = release ? [...node.through, release] : node.through;
        out.push({ distro: e.distro, version: e.version, release, steps, through });
        const onFrom = release ?? (up && !e.version ? catalog.newestRelease(up) : null);
        if (onFrom && onFrom !== rel) next.push({ release: onFrom, steps, through });
      }
    }
    frontier = next;
  }
  return out;
}

/** Does a release an edge names ("34-36", "9", null) hold the release asked about? null: the edge names none. */
function holds(catalog: Catalog, distro: Distro, version: string | null, asked: DistroRelease): boolean | null {
  if (version === null) return null;
  if (catalog.findRelease(distro, version) === asked || versionHead(version) === versionHead(asked.version)) return true;
  const range = /^(\d+)-(\d+)$/.exec(version);
  const n = Number(versionHead(asked.version));
  return range ? n >= Number(range[1]) && n <= Number(range[2]) : false;
}

/** "Rocky Linux 9 is a rebuild of Red Hat Enterprise Linux 9, which is derived from CentOS Stream 9" (no full stop). */
function pathSentence(subject: string, steps: readonly Step[], many: boolean): string {
  return steps.map((s, i) => `${i === 0 ? subject : 'which'} ${RELATION_PHRASE[s.relation][i === 0 && many ? 1 : 0]} ${s.name}`).join(', ');
}

/** One judgement: the verdict, the sentence after it, and a key that is equal for releases judged the same way. */
interface Judged {
  verdict: Verdict | null;
  /** "Yes", "Yes, indirectly", "No", "Not recorded" */
  word: string;
  line: string;
  shape: string;
  sources: Source[];
}

/** Is `rel` (named `subject`) based on `asked`? From its upstream edges, walked to their roots. */
export function judge(catalog: Catalog, subject: string, rel: DistroRelease, asked: NamedDistro, relation: AskedRelation, many = false): Judged {
  const said = upstreamSentence(catalog, subject, rel, many).replace(/\.$/, '');
  const askedName = asked.defaulted ? asked.distro.name : releaseLabel(asked.distro, asked.release);
  const relations = rel.upstream
    .map((e) => `${e.relation}:${e.distro}`)
    .sort()
    .join(',');
  const sourcesOf = (through: DistroRelease[]) => uniqueSources(...through.slice(1).map((r) => r.sources.slice(0, 1)));
  if (!rel.upstream.length) return { verdict: null, word: 'Not recorded', line: `the sources record no upstream for ${subject}.`, shape: 'none', sources: [] };
  const reached = upstreamsOf(catalog, rel).filter((r) => r.distro === asked.distro.id);
  const fits = reached.map((r) => ({ r, holds: asked.defaulted ? true : holds(catalog, asked.distro, r.version, asked.release) }));
  const hit = fits.find((x) => x.holds === true) ?? fits.find((x) => x.holds === null);
  if (hit) {
    const { steps, through } = hit.r;
    const shape = `${relations}|${steps.map((s) => s.relation).join('>')}|${hit.holds}`;
    const sources = sourcesOf(through);
    const text = steps.length === 1 ? said : pathSentence(subject, steps, many);
    if (hit.holds === null)
      return {
        verdict: null,
        word: 'Not recorded',
        line: `${text}; the sources name no ${asked.distro.name} release, so whether it is ${askedName} is not recorded.`,
        shape,
        sources,
      };
    if (relation === 'rebuild' && !(steps.length === 1 && steps[0]!.relation === 'rebuild-of'))
      return { verdict: 'no', word: 'No', line: `${text}; ${many ? 'they are' : 'it is'} not a rebuild of ${askedName}.`, shape, sources };
    if (steps.length > 1) return { verdict: 'yes', word: 'Yes, indirectly', line: `${text}.`, shape, sources };
    // "built from sources of" beside another upstream or its own root: a part of it, not the whole
    const part = steps[0]!.relation === 'built-from-sources-of' && rel.upstream.length > 1;
    return { verdict: 'yes', word: part ? 'Yes, in part' : 'Yes', line: `${said}.`, shape, sources };
  }
  const other = fits[0];
  if (other) {
    // the asked distribution is upstream, but another release of it
    const { steps, through } = other.r;
    const last = steps[steps.length - 1]!.relation;
    const text = steps.length === 1 ? said : pathSentence(subject, steps, many);
    return {
      verdict: 'no',
      word: 'No',
      line: `${text}, not ${last === 'derived-from' ? 'from' : 'of'} ${askedName}.`,
      shape: `${relations}|other`,
      sources: sourcesOf(through),
    };
  }
  // not upstream at all: perhaps the other way round ("is CentOS Stream based on RHEL?")
  const back = upstreamsOf(catalog, asked.release).find((r) => r.distro === subjectDistro(catalog, rel)?.id);
  const own = rel.upstream.every((e) => e.relation === 'independent');
  const not = own ? `, not based on ${askedName}` : `, not from ${askedName}`;
  const reverse = back ? `; it is the other way round: ${pathSentence(releaseLabel(asked.distro, asked.release), back.steps, false)}` : '';
  return {
    verdict: 'no',
    word: 'No',
    line: `${said}${not}${reverse}.`,
    shape: `${relations}|none${back ? '|back' : ''}`,
    sources: back ? uniqueSources(asked.release.sources.slice(0, 1), sourcesOf(back.through)) : [],
  };
}

/** A release's upstream edges, in any order. */
function edgesKey(rel: DistroRelease): string {
  return rel.upstream
    .map((e) => `${e.relation}:${e.distro}:${e.version ?? ''}`)
    .sort()
    .join(',');
}

function subjectDistro(catalog: Catalog, rel: DistroRelease): Distro | undefined {
  return catalog.distros.find((d) => d.releases.includes(rel));
}

export interface BasedOnQuestion {
  subject: NamedDistro;
  asked: NamedDistro[];
  relation: AskedRelation;
  /** "which Fedora release is it built from?": the release is the answer */
  whichRelease: boolean;
}

/** The answer: the lineage answer of the release asked about, its summary the verdict for each distribution asked. */
export function basedOnAnswer(catalog: Catalog, query: string, q: BasedOnQuestion): Answer {
  const { subject } = q;
  // no release typed, and the releases differ: each group of releases judged alike, newest first
  const every = subject.defaulted && subject.release === catalog.newestRelease(subject.distro);
  const lines: string[] = [];
  const verdicts: Array<Verdict | null> = [];
  let sources: Source[] = [];
  for (const asked of q.asked) {
    const said = every ? acrossReleases(catalog, subject.distro, asked, q) : one(catalog, subject, asked, q);
    lines.push(said.text);
    verdicts.push(said.verdict);
    sources = uniqueSources(sources, said.sources);
  }
  const a = lineageAnswer(catalog, query, subject.distro, every ? null : subject.release, 'upstream');
  if (a.kind !== 'lineage') return a;
  const verdict = !q.whichRelease && verdicts.every((v) => v !== null && v === verdicts[0]) ? verdicts[0]! : undefined;
  return {
    ...a,
    summary: lines.join(' '),
    ...(verdict ? { verdict } : {}),
    sources: uniqueSources(a.sources.slice(0, 3), sources, a.sources.slice(3)),
  };
}

/** One release against one distribution. */
function one(catalog: Catalog, subject: NamedDistro, asked: NamedDistro, q: BasedOnQuestion): { text: string; verdict: Verdict | null; sources: Source[] } {
  const name = releaseLabel(subject.distro, subject.release);
  const j = judge(catalog, name, subject.release, asked, q.relation);
  return { text: lead(catalog, subject.release, asked, j, q.whichRelease), verdict: j.verdict, sources: j.sources };
}

/** "Fedora Linux 43 — …" for a which-release question, else the verdict word: the first thing said answers it. */
function lead(catalog: Catalog, rel: DistroRelease, asked: NamedDistro, j: Judged, whichRelease: boolean): string {
  if (!whichRelease) return `${j.word} — ${j.line}`;
  const found = upstreamsOf(catalog, rel).find((r) => r.distro === asked.distro.id);
  if (!found) return `None — ${j.line}`;
  return found.version ? `${asked.distro.name} ${found.version} — ${j.line}` : `No single ${asked.distro.name} release is recorded — ${j.line}`;
}

/** Every release of the distribution, grouped where they are judged alike: "It depends on the release: no for Azure
 * Linux 4.0, yes for Azure Linux 3.0, 2.0 and 1.0 — …", or one verdict when all agree. */
function acrossReleases(
  catalog: Catalog,
  distro: Distro,
  asked: NamedDistro,
  q: BasedOnQuestion,
): { text: string; verdict: Verdict | null; sources: Source[] } {
  const groups: Array<{ releases: DistroRelease[]; judged: Judged }> = [];
  for (const r of distro.releases) {
    const j = judge(catalog, releaseLabel(distro, r), r, asked, q.relation);
    const same = groups.find((g) => g.judged.shape === j.shape && g.judged.verdict === j.verdict);
    if (same) same.releases.push(r);
    else groups.push({ releases: [r], judged: j });
  }
  // a release typed for the distribution asked about ("is Rocky based on RHEL 9?"): the releases that are
  const matching = asked.defaulted ? [] : groups.filter((g) => g.judged.verdict === 'yes');
  const shown = matching.length ? matching : groups;
  // the first group said of its newest release (what a question without a release is about); another group said of
  // all its releases at once where they have the same upstream edges, else of its newest
  const sentences = shown.map((g, i) => {
    const alike = g.releases.filter((r) => edgesKey(r) === edgesKey(g.releases[0]!));
    const names = listOf([releaseLabel(distro, alike[0]!), ...alike.slice(1).map((r) => r.version)]);
    return { g, line: i > 0 && alike.length > 1 ? judge(catalog, names, alike[0]!, asked, q.relation, true).line : g.judged.line };
  });
  const sources = uniqueSources(...shown.map((g) => g.judged.sources));
  const first = sentences[0]!;
  if (q.whichRelease) return { text: lead(catalog, first.g.releases[0]!, asked, first.g.judged, true), verdict: null, sources };
  const verdicts = new Set(shown.map((g) => g.judged.verdict));
  if (verdicts.size === 1) {
    const rest = sentences.slice(1).map((s) => s.line);
    return { text: [`${first.g.judged.word} — ${first.line}`, ...rest].join(' '), verdict: first.g.judged.verdict, sources };
  }
  const which = shown.map(
    (g) => `${g.judged.word.toLowerCase()} for ${listOf([releaseLabel(distro, g.releases[0]!), ...g.releases.slice(1).map((r) => r.version)])}`,
  );
  return {
    text: `It depends on the release: ${listOf(which)} — ${sentences.map((s) => s.line.replace(/\.$/, '')).join('; ')}.`,
    verdict: 'depends',
    sources,
  };
}
