// One hand-built Answer per member of the union in src/core/answer.ts, plus a way to blow any of them up.
import type { Answer, AnswerKind, Source } from '../../src/core/answer.js';

const learn: Source = {
  title: 'Dsv5 sizes series',
  url: 'https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dsv5-series',
  asOf: '2026-05-01',
};
const fedora: Source = { title: 'Azure Linux 4.0 overview', url: 'https://learn.microsoft.com/azure/azure-linux/intro', asOf: '2026-05-20' };

function base(query: string, title: string, summary: string) {
  return {
    query,
    title,
    summary,
    facts: [] as Answer['facts'],
    sections: [] as Answer['sections'],
    caveats: [] as string[],
    suggestions: [] as string[],
    sources: [learn],
    visibility: 'private' as const,
    context: {},
    text: `${title}\n${summary}`,
  };
}

export const fixtures: { [K in AnswerKind]: Extract<Answer, { kind: K }> } = {
  'vm-size': {
    ...base('/cpulevel Standard_D4s_v5', 'Standard_D4s_v5', 'Standard_D4s_v5 guarantees x86-64-v4.'),
    kind: 'vm-size',
    size: 'Standard_D4s_v5',
    series: 'Dsv5',
    arch: 'x64',
    processors: ['Intel Xeon Platinum 8370C'],
    guaranteedLevel: 'x86-64-v4',
    bestLevel: 'x86-64-v4',
    generations: [1, 2],
    facts: [
      { label: 'Series', value: 'Dsv5' },
      { label: 'Processors', value: 'Intel Xeon Platinum 8370C (Ice Lake)' },
      { label: 'Guaranteed level', value: 'x86-64-v4' },
    ],
    context: { size: 'Standard_D4s_v5' },
  },
  series: {
    ...base('/cpulevel Dsv5', 'Dsv5 series', 'Every Dsv5 size guarantees x86-64-v4.'),
    kind: 'series',
    series: 'Dsv5',
    arch: 'x64',
    sizes: ['Standard_D2s_v5', 'Standard_D4s_v5'],
    processors: ['Intel Xeon Platinum 8370C'],
    guaranteedLevel: 'x86-64-v4',
    bestLevel: 'x86-64-v4',
    generations: [1, 2],
    sections: [{ title: 'Sizes', table: { columns: ['Size', 'vCPUs'], rows: [['Standard_D2s_v5', '2'], ['Standard_D4s_v5', '4']] } }],
  },
  flags: {
    ...base('/cpulevel flags sse4_2 avx2', 'CPU flags', 'These flags reach x86-64-v2.'),
    kind: 'flags',
    level: 'x86-64-v2',
    missingForNext: ['bmi1', 'fma'],
    facts: [{ label: 'Missing for x86-64-v3', value: 'bmi1, fma' }],
  },
  cpu: {
    ...base('/cpulevel EPYC 7763', 'AMD EPYC 7763', 'AMD EPYC 7763 (Milan) reaches x86-64-v3.'),
    kind: 'cpu',
    processor: 'AMD EPYC 7763',
    arch: 'x64',
    level: 'x86-64-v3',
  },
  level: {
    ...base('/cpulevel x86-64-v3', 'x86-64-v3', '41 series guarantee x86-64-v3.'),
    kind: 'level',
    level: 'x86-64-v3',
    series: ['Dsv5', 'Dasv5', 'Esv5'],
    sections: [{ title: 'Series', lines: ['Dsv5, Dasv5, Esv5'] }],
  },
  lineage: {
    ...base('/azlinux lineage rocky 10', 'Rocky Linux 10', 'Rocky Linux 10 is a rebuild of RHEL 10, which derives from CentOS Stream 10.'),
    kind: 'lineage',
    distro: 'rocky',
    release: '10',
    chain: [
      { distro: 'rocky', release: '10', relation: 'rebuild-of' },
      { distro: 'rhel', release: '10', relation: 'derived-from' },
      { distro: 'centos-stream', release: '10', relation: 'derived-from' },
    ],
  },
  distro: {
    ...base('what is azure linux 4 based on?', 'Azure Linux 4.0', 'Azure Linux 4.0 is built from Fedora 43.'),
    kind: 'distro',
    distro: 'azure-linux',
    release: '4.0',
    sources: [fedora],
  },
  releases: {
    ...base('/azlinux releases rhel', 'RHEL releases', 'RHEL: 8, 9, 10.'),
    kind: 'releases',
    distro: 'rhel',
    releases: ['8', '9', '10'],
  },
  compat: {
    ...base('/azlinux compat Standard_D2s_v3 rhel 10', 'RHEL 10 on Standard_D2s_v3', 'Depends: some Dsv3 hosts are below x86-64-v3.'),
    kind: 'compat',
    verdict: 'depends',
    reasons: ['Dsv3 may land on Broadwell (x86-64-v2)'],
    size: 'Standard_D2s_v3',
    series: 'Dsv3',
    distro: 'rhel',
    release: '10',
    shortfall: ['Intel Xeon E5-2673 v4'],
    caveats: ['Azure does not let you choose the processor within a series.'],
  },
  compare: {
    ...base('compare D4s_v5 and D4as_v5', 'Standard_D4s_v5 vs Standard_D4as_v5', 'Both guarantee x86-64-v3 or better.'),
    kind: 'compare',
    items: ['Standard_D4s_v5', 'Standard_D4as_v5'],
  },
  clarify: {
    ...base('d4', 'Which size?', 'Several sizes match “d4”.'),
    kind: 'clarify',
    choices: ['Standard_D4s_v5', 'Standard_D4_v5'],
    suggestions: ['Standard_D4s_v5', 'Standard_D4_v5'],
  },
  help: { ...base('/azlinux help', 'azlinux-bot', 'Ask where a distro comes from, or which x86-64 level a VM size guarantees.'), kind: 'help', sources: [] },
  'not-found': {
    ...base('/cpulevel Standard_Q9', 'Not found', 'I do not know a size called “Standard_Q9”.'),
    kind: 'not-found',
    suggestions: ['Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_E2s_v5'],
    sources: [],
  },
  error: { ...base('', 'Something went wrong', 'Sorry, something went wrong.'), kind: 'error', sources: [] },
};

export const allFixtures = (): Answer[] => Object.values(fixtures);

/** The same answer with every free-text part grown far past every Discord limit. */
export function huge(answer: Answer, n = 200): Answer {
  const long = (s: string, times: number) => Array.from({ length: times }, () => s).join(' ');
  return {
    ...answer,
    title: long(answer.title || 'title', 100),
    summary: long(answer.summary || 'summary', 400),
    facts: Array.from({ length: n }, (_, i) => ({ label: long(`Fact ${i}`, 80), value: long(`value ${i} @everyone`, 300) })),
    sections: Array.from({ length: 30 }, (_, i) => ({
      title: long(`Section ${i}`, 50),
      lines: Array.from({ length: 50 }, (_, j) => long(`line ${j}`, 40)),
      table: { columns: ['Size', 'Level', 'Processors'], rows: Array.from({ length: 300 }, (_, j) => [`Standard_X${j}`, 'x86-64-v3', long('Xeon', 30)]) },
    })),
    caveats: Array.from({ length: n }, (_, i) => long(`caveat ${i}`, 60)),
    suggestions: Array.from({ length: n }, (_, i) => `Standard_Suggestion_${i}`),
    sources: Array.from({ length: n }, (_, i) => ({ title: long(`Source ${i}`, 20), url: `https://example.com/${'p'.repeat(i * 10)}/${i}`, asOf: '2026-01-01' })),
  } as Answer;
}
