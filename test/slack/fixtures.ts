// One hand-built Answer per kind in src/core/answer.ts's union, for the renderer tests.
import type { Answer, AnswerKind } from '../../src/core/answer.js';

const source = { title: 'Dsv5 sizes series', url: 'https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dsv5-series', asOf: '2025-06-01' };

type Base = Omit<Answer, 'kind'> & { kind?: never };

function base(query: string, title: string, summary: string): Omit<Base, 'kind'> {
  return {
    query,
    title,
    summary,
    facts: [],
    sections: [],
    caveats: [],
    suggestions: [],
    sources: [source],
    visibility: 'private',
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
    processors: ['Intel Xeon Platinum 8370C (Ice Lake)'],
    guaranteedLevel: 'x86-64-v4',
    bestLevel: 'x86-64-v4',
    generations: [1, 2],
    facts: [
      { label: 'Series', value: 'Dsv5' },
      { label: 'Processors', value: 'Intel Xeon Platinum 8370C (Ice Lake)' },
      { label: 'Guaranteed level', value: 'x86-64-v4' },
    ],
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
    ...base('/cpulevel EPYC 7763', 'AMD EPYC 7763', 'AMD EPYC 7763 reaches x86-64-v3.'),
    kind: 'cpu',
    processor: 'AMD EPYC 7763',
    arch: 'x64',
    level: 'x86-64-v3',
  },
  level: {
    ...base('/cpulevel x86-64-v3', 'x86-64-v3', '12 series guarantee x86-64-v3.'),
    kind: 'level',
    level: 'x86-64-v3',
    series: ['Dsv5', 'Dasv5'],
    sections: [{ title: 'Series', lines: ['Dsv5', 'Dasv5'] }],
  },
  lineage: {
    ...base('/azlinux lineage rocky 10', 'Rocky Linux 10', 'Rocky Linux 10 is a rebuild of RHEL 10, which derives from CentOS Stream 10.'),
    kind: 'lineage',
    distro: 'rocky',
    release: '10',
    chain: [
      { distro: 'rocky', release: '10', relation: 'rebuild-of' },
      { distro: 'rhel', release: '10', relation: 'derived-from' },
    ],
  },
  distro: {
    ...base('/azlinux upstream', 'Azure Linux 4.0', 'Azure Linux 4.0 is built from Fedora 43.'),
    kind: 'distro',
    distro: 'azurelinux',
    release: '4.0',
    caveats: ['Azure Linux 4.0 is in preview.'],
  },
  releases: {
    ...base('/azlinux releases', 'Azure Linux releases', 'Three releases are known.'),
    kind: 'releases',
    distro: 'azurelinux',
    releases: ['2.0', '3.0', '4.0'],
  },
  compat: {
    ...base('/azlinux compat Standard_D2s_v3 rhel 10', 'RHEL 10 on Standard_D2s_v3', 'It depends on the processor you land on.'),
    kind: 'compat',
    verdict: 'depends',
    reasons: ['Dsv3 may land on Broadwell, which lacks x86-64-v3.'],
    size: 'Standard_D2s_v3',
    series: 'Dsv3',
    distro: 'rhel',
    release: '10',
    shortfall: ['Intel Xeon E5-2673 v4 (Broadwell)'],
  },
  compare: {
    ...base('compare D4s v5 and D4as v5', 'Standard_D4s_v5 vs Standard_D4as_v5', 'Both guarantee x86-64-v3 or better.'),
    kind: 'compare',
    items: ['Standard_D4s_v5', 'Standard_D4as_v5'],
  },
  clarify: {
    ...base('/cpulevel d4', 'Which size?', '"d4" matches several sizes.'),
    kind: 'clarify',
    choices: ['Standard_D4s_v5', 'Standard_D4as_v5', 'Standard_D4_v5'],
  },
  help: {
    ...base('/azlinux help', 'azlinux help', 'Ask where a distro comes from or which x86-64 level a VM size guarantees.'),
    kind: 'help',
    sources: [],
    sections: [{ title: 'Commands', lines: ['/azlinux upstream [release]', '/cpulevel <size>'] }],
  },
  'not-found': {
    ...base('/cpulevel Standard_Q9', 'Not found', 'No VM size called "Standard_Q9" is known.'),
    kind: 'not-found',
    sources: [],
    suggestions: ['Standard_D2s_v5', 'Standard_E2s_v5', 'Standard_F2s_v2'],
  },
  error: {
    ...base('/cpulevel', 'Something went wrong', 'Please try again.'),
    kind: 'error',
    sources: [],
  },
};

export const allFixtures: Answer[] = Object.values(fixtures);
