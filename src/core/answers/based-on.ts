// "Is X based on Y?", "is X a rebuild (clone) of Y?", "which Y release is X built from?", "is X independent?": the
// answer first ("Yes —", "Yes, indirectly —", "No —"), from the upstream edges in the data, with the relation named.
import type { Answer, Verdict } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { Distro, DistroRelease, Relation, Source } from '../../data/schema.js';
import { releaseLabel, uniqueSources } from './build.js';
import { lineageAnswer, RELATION_PHRASE, upstreamName, upstreamSentence } from './distro.js';
import { versionHead } from '../catalog.js';
import { listOf } from '../text.js';

/** The distribution a question is about: the release typed, or (defaulted) its newest when none was. */
export interface NamedDistro {
  distro: Distro;
  release: DistroRelease;
  defaulted: boolean;
}

/** A distribution asked about as the upstream: the release typed (`version`; `release` is null when the data lacks
 * it, as "Fedora 34"), or none. */
export interface AskedDistro {
  distro: Distro;
  version: string | null;
  release: DistroRelease | null;
}

/** What the question asks: any descent ("based on", "derived", "fork", "downstream"), or a rebuild ("clone"). */
export type AskedRelation = 'any' | 'rebuild';

/** One step up: the relation and the distribution (and release, when recorded) it leads to. */
interface Step {
  relation: Relation;
  name: string;
  /** the release the walk went on from when the edge before named none and the releases differ ("Azure Linux 3.0") */
  via?: string;
}

/** A distribution reached by walking upstream edges, and the steps that reach it. */
interface Reached {
  distro: string;
  /** the release the last edge names; null: the distribution as a whole */
  version: string | null;
  steps: Step[];
  /** the releases passed through (their sources back each step) */
  through: DistroRelease[];
  /** the release chosen where an edge named none and the distribution's releases come from different places */
  branch?: { distro: Distro; release: DistroRelease };
}

/** A release's upstream edges, in any order (`versions`: with the releases they name). */
function edgesKey(rel: DistroRelease, versions = true): string {
  return rel.upstream
    .map((e) => `${e.relation}:${e.distro}${versions ? `:${e.version ?? ''}` : ''}`)
    .sort()
    .join(',');
}

/** Every distribution upstream of a release, each by its shortest walk (breadth first). An edge without a release
 * goes on from the upstream's newest release when its releases all have the same upstreams, else from each of them. */
export function upstreamsOf(catalog: Catalog, rel: DistroRelease): Reached[] {
  const out: Reached[] = [];
  const seen = new Set<string>();
  type Node = { release: DistroRelease; steps: Step[]; through: DistroRelease[]; branch?: Reached['branch']; via?: string };
  let frontier: Node[] = [{ release: rel, steps: [], through: [rel] }];
  for (let depth = 0; frontier.length && depth < 12; depth++) {
    const next: Node[] = [];
    for (const node of frontier) {
      for (const e of node.release.upstream) {
        if (e.relation === 'independent') continue;
        const key = `${node.branch?.release.version ?? ''}|${e.distro}@${e.version ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const up = catalog.distroById(e.distro);
        const release = up && e.version ? catalog.findRelease(up, e.version) : null;
        const step: Step = { relation: e.relation, name: upstreamName(catalog, e), ...(node.via ? { via: node.via } : {}) };
        const steps = [...node.steps, step];
        const through = release ? [...node.through, release] : node.through;
        out.push({ distro: e.distro, version: e.version, steps, through, ...(node.branch ? { branch: node.branch } : {}) });
        if (release) next.push({ release, steps, through, ...(node.branch ? { branch: node.branch } : {}) });
        else if (up && !e.version) {
          const differ = new Set(up.releases.map((r) => edgesKey(r, false))).size > 1;
          const from = differ && !node.branch ? up.releases : [catalog.newestRelease(up)];
          for (const r of from) {
            if (r === rel) continue;
            const branch = node.branch ?? (differ ? { distro: up, release: r } : undefined);
            next.push({ release: r, steps, through: [...through, r], ...(branch ? { branch } : {}), ...(differ ? { via: releaseLabel(up, r) } : {}) });
          }
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Does the release an edge names ("34-36", "9", null) hold the release asked about? null: the edge names none. */
function holds(catalog: Catalog, asked: AskedDistro, version: string | null): boolean | null {
  if (asked.version === null) return true;
  if (version === null) return null;
  if ((asked.release && catalog.findRelease(asked.distro, version) === asked.release) || versionHead(version) === versionHead(asked.version)) return true;
  const range = /^(\d+)-(\d+)$/.exec(version);
  const n = Number(versionHead(asked.version));
  return range ? n >= Number(range[1]) && n <= Number(range[2]) : false;
}

/** "Rocky Linux 9 is a rebuild of Red Hat Enterprise Linux 9, which is derived from CentOS Stream 9" (no full stop). */
function pathSentence(subject: string, steps: readonly Step[], many: boolean): string {
  return steps
    .map((s, i) => `${i === 0 ? subject : `which${s.via ? `, in ${s.via},` : ''}`} ${RELATION_PHRASE[s.relation][i === 0 && many ? 1 : 0]} ${s.name}`)
    .join(', ');
}

/** One judgement: the verdict, the sentence after it, and a key that is equal for releases judged the same way. */
export interface Judged {
  verdict: Verdict | null;
  /** "Yes", "Yes, indirectly", "No", "Not recorded" */
  word: string;
  line: string;
  shape: string;
  sources: Source[];
}

/** Is `rel` (named `subject`; `many`: several releases named at once) based on `asked`? From its upstream edges,
 * walked to their roots. */
export function judge(catalog: Catalog, subject: string, rel: DistroRelease, asked: AskedDistro, relation: AskedRelation, many = false): Judged {
  const said = upstreamSentence(catalog, subject, rel, many).replace(/\.$/, '');
  const askedName = asked.version ? `${asked.distro.name} ${asked.release?.version ?? asked.version}` : asked.distro.name;
  const relations = edgesKey(rel, false);
  const sourcesOf = (through: DistroRelease[]) => uniqueSources(...through.slice(1).map((r) => r.sources.slice(0, 1)));
  if (!rel.upstream.length) return { verdict: null, word: 'Not recorded', line: `the sources record no upstream for ${subject}.`, shape: 'none', sources: [] };
  const all = upstreamsOf(catalog, rel);
  const fits = all.filter((r) => r.distro === asked.distro.id).map((r) => ({ r, holds: holds(catalog, asked, r.version) }));
  const hit = fits.find((x) => x.holds === true) ?? fits.find((x) => x.holds === null);
  if (hit) {
    const { steps, through, branch } = hit.r;
    const text = steps.length === 1 ? said : pathSentence(subject, steps, many);
    const shape = `${relations}|${steps.map((s) => s.relation).join('>')}|${hit.holds}`;
    const sources = sourcesOf(through);
    // an edge named no release and its releases differ: yes only when every one of them comes from the asked one
    const reaching = branch ? branch.distro.releases.filter((r) => fits.some((x) => x.holds === hit.holds && x.r.branch?.release === r)) : [];
    if (branch && reaching.length < branch.distro.releases.length)
      return {
        verdict: null,
        word: 'Not recorded',
        line: `${text}; the sources name no ${branch.distro.name} release for ${many ? 'them' : 'it'}, and only ${listOf([releaseLabel(branch.distro, reaching[0]!), ...reaching.slice(1).map((r) => r.version)])} ${reaching.length > 1 ? 'come' : 'comes'} from ${askedName}.`,
        shape: `${shape}|some`,
        sources,
      };
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
  // (the release of it that comes from this very release when there is one: RHEL 9 for CentOS Stream 9)
  const own = catalog.distros.find((d) => d.releases.includes(rel));
  const candidates = asked.release ? [asked.release] : asked.version ? [] : asked.distro.releases;
  const backs = candidates.flatMap((from) => upstreamsOf(catalog, from).flatMap((r) => (own && r.distro === own.id ? [{ from, r }] : [])));
  const found = backs.find((b) => b.r.version !== null && own && catalog.findRelease(own, b.r.version) === rel) ?? backs[0];
  const from = found?.from;
  const back = found?.r;
  const not = rel.upstream.every((e) => e.relation === 'independent') ? `, not based on ${askedName}` : `, not from ${askedName}`;
  const reverse = back && from ? `; it is the other way round: ${pathSentence(releaseLabel(asked.distro, from), back.steps, false)}` : '';
  return {
    verdict: 'no',
    word: 'No',
    line: `${said}${not}${reverse}.`,
    shape: `${relations}|none${back ? '|back' : ''}`,
    sources: back && from ? uniqueSources(from.sources.slice(0, 1), sourcesOf(back.through)) : [],
  };
}

/** Is the release its own root (`anything`: is it based on anything at all)? From its independent edge, and the
 * other edges beside it (a root that takes sources from others is based on them in part). */
function judgeOwn(catalog: Catalog, subject: string, rel: DistroRelease, many: boolean, anything: boolean): Judged {
  const line = upstreamSentence(catalog, subject, rel, many);
  const shape = edgesKey(rel, false);
  if (!rel.upstream.length) return { verdict: null, word: 'Not recorded', line: `the sources record no upstream for ${subject}.`, shape, sources: [] };
  const root = rel.upstream.some((e) => e.relation === 'independent');
  const from = rel.upstream.some((e) => e.relation !== 'independent');
  if (!anything) return { verdict: root ? 'yes' : 'no', word: root ? 'Yes' : 'No', line, shape, sources: [] };
  return { verdict: from ? 'yes' : 'no', word: from ? (root ? 'Yes, in part' : 'Yes') : 'No', line, shape, sources: [] };
}

export interface BasedOnQuestion {
  /** the distributions asked about ("are Rocky and Alma based on RHEL?": two) */
  subjects: NamedDistro[];
  /** the distributions asked about as its upstream; none: "is it independent?" */
  asked: AskedDistro[];
  relation: AskedRelation;
  /** "which Fedora release is it built from?": the release is the answer */
  whichRelease: boolean;
  /** "what is it based on, Fedora or Photon?": no yes or no was asked, so none is said */
  plain: boolean;
  /** no upstream asked about: "is it independent?" or "is it based on anything?" */
  own: 'independent' | 'anything' | null;
}

type Said = { text: string; verdict: Verdict | null; sources: Source[] };

/** The answer: the lineage answer of the release asked about, its summary the verdict for each distribution asked. */
export function basedOnAnswer(catalog: Catalog, query: string, q: BasedOnQuestion): Answer {
  const said: Said[] = [];
  const judges: JudgeOne[] = q.asked.length
    ? q.asked.map((asked) => (name: string, rel: DistroRelease, many: boolean) => judge(catalog, name, rel, asked, q.relation, many))
    : [(name: string, rel: DistroRelease, many: boolean) => judgeOwn(catalog, name, rel, many, q.own === 'anything')];
  for (const subject of q.subjects) {
    // no release typed: each group of releases judged alike, newest first
    const every = subject.defaulted && subject.release === catalog.newestRelease(subject.distro);
    for (const [i, judgeOne] of judges.entries()) {
      const asked = q.asked[i];
      said.push(every ? acrossReleases(catalog, subject.distro, judgeOne, q, asked) : one(catalog, subject, judgeOne, q, asked));
    }
  }
  const first = q.subjects[0]!;
  const every = first.defaulted && first.release === catalog.newestRelease(first.distro);
  const a = lineageAnswer(catalog, query, first.distro, every ? null : first.release, 'upstream');
  if (a.kind !== 'lineage') return a;
  const verdicts = said.map((s) => s.verdict);
  const verdict = !q.whichRelease && !q.plain && verdicts.every((v) => v !== null && v === verdicts[0]) ? verdicts[0]! : undefined;
  // the other distributions asked about back what is said of them too
  const others = q.subjects.slice(1).map((s) => s.release.sources.slice(0, 1));
  return {
    ...a,
    summary: lines(said.map((s) => s.text)).join(' '),
    ...(verdict ? { verdict } : {}),
    sources: uniqueSources(a.sources.slice(0, 3), ...others, ...said.map((s) => s.sources), a.sources.slice(3)),
  };
}

/** Each line once, and none that another line goes on from ("… Linux 9." beside "… Linux 9, which is …"). */
function lines(texts: string[]): string[] {
  const once = [...new Set(texts)];
  // the same sentence after a different verdict word ("Yes — …" and "Yes, in part — …" of one release): said once
  const body = (t: string) => t.replace(/^[^—]{1,20} — /, '');
  return once.filter((t, i) => !once.some((o, j) => (o !== t && o.startsWith(t.replace(/\.$/, ''))) || (j < i && body(o) === body(t) && body(t) !== t)));
}

type JudgeOne = (name: string, rel: DistroRelease, many: boolean) => Judged;

/** One release against one distribution. */
function one(catalog: Catalog, subject: NamedDistro, judgeOne: JudgeOne, q: BasedOnQuestion, asked: AskedDistro | undefined): Said {
  const j = judgeOne(releaseLabel(subject.distro, subject.release), subject.release, false);
  return { text: lead(catalog, subject.release, asked, j, q), verdict: j.verdict, sources: j.sources };
}

/** "Fedora Linux 43 — …" for a which-release question, else the verdict word: the first thing said answers it. */
function lead(catalog: Catalog, rel: DistroRelease, asked: AskedDistro | undefined, j: Judged, q: BasedOnQuestion): string {
  if (q.plain) return j.line.charAt(0).toUpperCase() + j.line.slice(1);
  if (!q.whichRelease || !asked) return `${j.word} — ${j.line}`;
  const found = upstreamsOf(catalog, rel).find((r) => r.distro === asked.distro.id);
  if (!found) return `None — ${j.line}`;
  return found.version ? `${asked.distro.name} ${found.version} — ${j.line}` : `No single ${asked.distro.name} release is recorded — ${j.line}`;
}

/** Every release of the distribution, grouped where they are judged alike: "It depends on the release: no for Azure
 * Linux 4.0 and yes, in part for Azure Linux 3.0, 2.0 and 1.0 — …", or one verdict when all agree. */
function acrossReleases(catalog: Catalog, distro: Distro, judgeOne: JudgeOne, q: BasedOnQuestion, asked: AskedDistro | undefined): Said {
  const groups: Array<{ releases: DistroRelease[]; judged: Judged }> = [];
  for (const r of distro.releases) {
    const j = judgeOne(releaseLabel(distro, r), r, false);
    const same = groups.find((g) => g.judged.shape === j.shape && g.judged.verdict === j.verdict);
    if (same) same.releases.push(r);
    else groups.push({ releases: [r], judged: j });
  }
  // a release typed for the distribution asked about ("is Rocky based on RHEL 9?"): the releases that are
  const matching = asked?.version ? groups.filter((g) => g.judged.verdict === 'yes') : [];
  const shown = matching.length ? matching : groups;
  const names = (rs: DistroRelease[]) => listOf([releaseLabel(distro, rs[0]!), ...rs.slice(1).map((r) => r.version)]);
  // the first group said of its newest release (what a question without a release is about); another group said of
  // all its releases at once where they have the same upstream edges, else of its newest
  const sentences = shown.map((g, i) => {
    const alike = g.releases.filter((r) => edgesKey(r) === edgesKey(g.releases[0]!));
    return { g, line: i > 0 && alike.length > 1 ? judgeOne(names(alike), alike[0]!, true).line : g.judged.line };
  });
  const sources = uniqueSources(...shown.map((g) => g.judged.sources));
  const first = sentences[0]!;
  if (q.whichRelease || q.plain) return { text: lead(catalog, first.g.releases[0]!, asked, first.g.judged, q), verdict: null, sources };
  const verdicts = new Set(shown.map((g) => g.judged.verdict));
  if (verdicts.size === 1) {
    const rest = sentences.slice(1).map((s) => s.line.charAt(0).toUpperCase() + s.line.slice(1));
    return { text: [`${first.g.judged.word} — ${first.line}`, ...rest].join(' '), verdict: first.g.judged.verdict, sources };
  }
  // one entry per verdict word: "yes for Red Hat Enterprise Linux 10 and 9 and no for Red Hat Enterprise Linux 8"
  const words = [...new Set(shown.map((g) => g.judged.word))];
  const which = words.map((w) => `${w.toLowerCase()} for ${names(shown.filter((g) => g.judged.word === w).flatMap((g) => g.releases))}`);
  return {
    text: `It depends on the release: ${listOf(which)} — ${sentences.map((s) => s.line.replace(/\.$/, '')).join('; ')}.`,
    verdict: 'depends',
    sources,
  };
}
