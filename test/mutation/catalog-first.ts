// Setup file of the mutation run (vitest.mutation.config.ts): build the catalog before any test starts.
// Levels are computed once, when the catalog is built; built inside whichever test runs first, Stryker
// would count that one test as the only one covering the level code and run only it against those
// mutants. Built here, outside every test, the level code is "static": every test runs against it.
import { catalog } from '../../src/core/index.js';

catalog();
