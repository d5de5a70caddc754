// `npm start` / Procfile `web:`. Everything is in src/service/; this only runs it and exits with its code.
import { run } from './service/run.js';

const code = await run(process.env);
// Let stdout finish (console answers piped somewhere) before exiting; stray SDK timers must not keep us up.
process.stdout.write('', () => process.exit(code));
