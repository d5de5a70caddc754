// Help, "did you mean", clarifying questions, comparisons and kind refusals.
import type { Answer } from '../answer.js';
import type { CpuInfo, SeriesInfo } from '../catalog.js';
import { finish, uniqueSources } from './build.js';
import { joinMapped, listOf } from '../text.js';

export const HELP_LINES = [
  '/azlinux upstream [release] — what Azure Linux is built from (newest release by default)',
  '/azlinux releases [distro] — releases with status, dates and x86-64 baseline',
  '/azlinux lineage <distro> [release] — the chain of upstreams to the root',
  '/azlinux compat <size> [distro [release]] — will it boot? yes / no / depends, and why',
  '/azlinux about — the data snapshot date, counts, source dates and version',
  '/cpulevel <size> — processors, guaranteed and best x86-64 level, generations',
  '/cpulevel <cpu model> — e.g. 8370C, EPYC 7763, Cobalt 100, or any x86 model number: E5-2680 v4, i7-4770K, kvm64',
  '/cpulevel x86-64-v3 — which series guarantee a level',
  '/cpulevel flags <flags…> — or paste a /proc/cpuinfo flags line or `ld.so --help` output',
  'Or just ask: “can I run RHEL 10 on a D2s v3?”, “what is azure linux 4 based on?”, “Dsv5 vs Dasv5”',
  'Add the word `public` at the end to share an answer in the channel.',
];

export function helpAnswer(query: string, topic?: 'azlinux' | 'cpulevel', note?: string): Answer {
  const lines = topic === 'cpulevel' ? HELP_LINES.slice(5, 9) : topic === 'azlinux' ? HELP_LINES.slice(0, 5) : HELP_LINES;
  return finish({
    kind: 'help',
    query,
    title: topic ? `/${topic} help` : 'azlinux-bot help',
    summary: note ?? 'I answer where Linux distributions come from and which x86-64 level Azure VM sizes guarantee.',
    sections: [{ title: 'Commands', lines }],
  });
}

export function notFoundAnswer(query: string, what: string, suggestions: string[], hint?: string): Answer {
  return finish({
    kind: 'not-found',
    query,
    title: 'Not found',
    summary: `I don't know ${what}.${suggestions.length ? ` Did you mean ${joinMapped(suggestions, (s) => `\`${s}\``, ', ')}?` : ''}${hint ? ` ${hint}` : ''}`,
    suggestions,
  });
}

export function clarifyAnswer(query: string, question: string, choices: string[]): Answer {
  return finish({
    kind: 'clarify',
    query,
    title: 'Which one?',
    summary: `${question} ${choices
      .slice(0, 8)
      .map((c) => `\`${c}\``)
      .join(', ')}${choices.length > 8 ? ` (and ${choices.length - 8} more)` : ''}.`,
    choices,
    suggestions: choices.slice(0, 8),
  });
}

/** An answer for something that went wrong around the question (too many questions, a failure). */
export function errorAnswer(query: string, title: string, summary: string): Answer & { kind: 'error' } {
  return finish({ kind: 'error', query, title, summary }) as Answer & { kind: 'error' };
}

/** Side by side: "Dsv5 vs Dasv5", "8370C vs EPYC 7763". The first sentence says what differs. */
export function compareAnswer(query: string, items: Array<SeriesInfo | CpuInfo>, labels: string[]): Answer {
  const gens = (it: SeriesInfo) => (it.record.generations?.length ? it.record.generations.map((g) => `Gen ${g}`).join(' and ') : 'not stated');
  const rows = items.map((it, i) =>
    'record' in it
      ? [
          labels[i]!,
          it.record.arch,
          it.guaranteed ?? '—',
          it.best ?? '—',
          gens(it),
          it.record.family,
          it.cpus.map((c) => `${c.model.model} (${c.model.codename})`).join(', ') || 'not documented',
        ]
      : [labels[i]!, it.model.arch, it.level ?? '—', it.level ?? '—', '—', it.model.codename, `${it.model.model} (${it.model.codename})`],
  );
  const columns = ['Name', 'Arch', 'Guaranteed', 'Best', 'Generations', 'Family', 'Processors'];
  const said = (it: SeriesInfo | CpuInfo, label: string) => {
    if ('record' in it)
      return `${label} ${it.record.arch === 'Arm64' ? 'is Arm64' : it.guaranteed ? `guarantees ${it.guaranteed}` : 'has no documented processor'}`;
    return `${label} ${it.model.arch === 'Arm64' ? 'is Arm64' : `is ${it.level}`}`;
  };
  // the columns whose values differ, processors aside (named in the table)
  const NAMES = ['architecture', 'guaranteed level', 'best level', 'Hyper-V generations', 'family'];
  const differ = NAMES.flatMap((name, k) => {
    if (new Set(rows.map((r) => r[k + 1])).size <= 1) return [];
    // levels are said above; the rest with their values
    return [k === 1 || k === 2 ? name : `${name} (${rows.map((r) => `${r[0]}: ${r[k + 1]}`).join('; ')})`];
  });
  const sameGens = !differ.some((d) => d.startsWith('Hyper-V')) && rows[0] ? `; both support ${rows[0][4]}` : '';
  const differText = differ.length
    ? ` They differ in ${listOf(differ)}${sameGens}.`
    : ` They share architecture, levels, family and Hyper-V generations (${rows[0]?.[4]}).`;
  return finish({
    kind: 'compare',
    query,
    title: labels.join(' vs '),
    summary: `${items.map((it, i) => said(it, labels[i]!)).join('; ')}.${items.some((it) => 'record' in it) ? differText : ''}`,
    items: labels,
    sections: [{ title: 'Side by side', table: { columns, rows } }],
    sources: uniqueSources(...items.map((it) => ('record' in it ? it.record.sources : it.model.sources))),
  });
}
