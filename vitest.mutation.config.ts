// The tests Stryker runs against mutants (npm run test:mutation; see docs/mutation.md).
//
// A test file that fails to load (an import that throws, a file it reads that is missing from Stryker's
// sandbox) reports no tests and no failure, so Stryker's dry run would still "succeed" with fewer tests.
// The reporter below turns every such load error into a run error, so the dry run stops instead.
import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

class LoadErrorsFail implements Reporter {
  private vitest?: Vitest;
  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const m of modules) {
      for (const e of m.errors()) this.vitest?.state.catchError(new Error(`${m.moduleId} failed to load: ${e.message}`), 'Load Error');
    }
  }
}

// The tests that hold these files to rules computed independently from the raw tables, over every row.
// Not here, to keep each mutant's run short on a shared 2-core machine: the corpus, contract, every-size
// and data-table tests (they walk whole answers through ask() and add seconds to every mutant without
// checking a verdict or level the tables below do not), the adapter, service and fuzz tests, and
// fuzzy-bits.test.ts (its walk of the real catalog takes over 20 s instrumented; the bit-parallel distance
// is held by fuzzy-pattern.test.ts).
const TESTS = [
  'test/core/verdict-table.test.ts',
  'test/core/level-lists.test.ts',
  'test/core/levels.test.ts',
  'test/core/cpu-answers.test.ts',
  'test/core/fuzzy.test.ts',
  'test/core/fuzzy-bounds.test.ts',
  'test/core/fuzzy-pattern.test.ts',
  'test/core/compat.test.ts',
  'test/core/vm-answers.test.ts',
  'test/core/cpu-family.test.ts',
  'test/core/cpu-family-spans.test.ts',
  'test/core/cpu-family-gate.test.ts',
  'test/core/cpu-family-generation.test.ts',
  'test/core/cpu-family-mixed.test.ts',
  'test/core/cannot-run.test.ts',
  'test/core/level-vendor.test.ts',
  'test/core/qualified-size-lists.test.ts',
  'test/core/level-sentences.test.ts',
];

export default defineConfig({
  test: {
    // MUTATION_TESTS="test/core/fuzzy.test.ts" narrows (or widens) the set while developing (comma-separated globs)
    include: process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : TESTS,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', new LoadErrorsFail()],
    setupFiles: ['test/setup/today.ts', 'test/mutation/catalog-first.ts'],
  },
});
