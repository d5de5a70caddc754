// Questions shown to people who have not asked anything yet (Slack's Home tab, the web page): one per
// kind of answer the bot gives, each answered from the data (test/core/examples.test.ts asks every one).
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'what is azure linux 4 based on?',
  'can I run RHEL 10 on a D2s v3?',
  '/cpulevel Standard_D4s_v5',
  '/azlinux lineage rocky 10',
  'which sizes guarantee x86-64-v4?',
  'Dsv5 vs Dasv5',
];
