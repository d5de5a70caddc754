// Help, "did you mean", clarifying questions, comparisons and kind refusals.
import type { Answer } from '../answer.js';
import type { CpuInfo, SeriesInfo } from '../catalog.js';
import { finish, uniqueSources } from './build.js';

export const HELP_LINES = [
  '/azlinux upstream [release] — what Azure Linux is built from (newest release by default)',
  '/azlinux releases [distro] — releases with status, dates and x86-64 baseline',
  '/azlinux lineage <distro> [release] — the chain of upstreams to the root',
  '/azlinux compat <size> [distro [release]] — will it boot? yes / no / depends, and why',
  '/azlinux about — the data snapshot date, counts, source dates and version',
  '/cpulevel <size> — processors, guaranteed and best x86-64 level, generations',
  '/cpulevel <cpu model> — e.g. 8370C, EPYC 7763, Cobalt 100',
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
    summary: `I don't know ${what}.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : ''}${hint ? ` ${hint}` : ''}`,
    suggestions,
  });
}

export function clarifyAnswer(query: string, question: string, choices: string[]): Answer {
  return finish({
    kind: 'clarify',
    query,
    title: 'Which one?',
    summary: `${question} ${choices.slice(0, 8).map((c) => `\`${c}\``).join(', ')}${choices.length > 8 ? ` (and ${choices.length - 8} more)` : ''}.`,
    choices,
    suggestions: choices.slice(0, 8),
  });
}

/** An answer for something that went wrong around the question (too many questions, a failure). */
export function errorAnswer(query: string, title: string, summary: string): Answer & { kind: 'error' } {
  return finish({ kind: 'error', query, title, summary }) as Answer & { kind: 'error' };
}

/** Side by side: "Dsv5 vs Dasv5", "8370C vs EPYC 7763". */
export function compareAnswer(query: string, items: Array<SeriesInfo | CpuInfo>, labels: string[]): Answer {
  const rows = items.map((it, i) =>
    'record' in it
      ? [labels[i]!, it.record.arch, it.guaranteed ?? '—', it.best ?? '—', it.cpus.map((c) => c.model.model).join(', ') || 'not documented']
      : [labels[i]!, it.model.arch, it.level ?? '—', it.level ?? '—', `${it.model.model} (${it.model.codename})`],
  );
  const said = (it: SeriesInfo | CpuInfo, label: string) => {
    if ('record' in it)
      return `${label} ${it.record.arch === 'Arm64' ? 'is Arm64' : it.guaranteed ? `guarantees ${it.guaranteed}` : 'has no documented processor'}`;
    return `${label} ${it.model.arch === 'Arm64' ? 'is Arm64' : `is ${it.level}`}`;
  };
  return finish({
    kind: 'compare',
    query,
    title: labels.join(' vs '),
    summary: `${items.map((it, i) => said(it, labels[i]!)).join('; ')}.`,
    items: labels,
    sections: [{ title: 'Side by side', table: { columns: ['Name', 'Arch', 'Guaranteed', 'Best', 'Processors'], rows } }],
    sources: uniqueSources(...items.map((it) => ('record' in it ? it.record.sources : it.model.sources))),
  });
}
