// `npm start` / Procfile `web:`. Everything is in src/service/; this only runs it and exits with its code.
import { loadDotEnv } from './service/dotenv.js';
import { run } from './service/run.js';

// A .env in the working directory fills in what the real environment does not set (see .env.example).
try {
  loadDotEnv(process.env);
} catch (err) {
  process.stderr.write(`azlinux-bot: .env could not be read: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const code = await run(process.env);
// Let stdout finish (console answers piped somewhere) before exiting; stray SDK timers must not keep us up.
process.stdout.write('', () => process.exit(code));
