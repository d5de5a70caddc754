// The tests Stryker runs against mutants of the question parser (npm run test:mutation:parser,
// stryker.parser.config.json; see docs/mutation.md): the frame piece by piece, and the question corpus,
// each of whose entries is a test of its own (so a mutant runs only the entries that reach it).
// Reported, not gated: the parser decides which answer is given, not a level or a verdict.
import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.js';

const TESTS = ['test/core/question.test.ts', 'test/corpus.test.ts'];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : TESTS,
  },
});
