import { ask } from '../src/core/index.js';
const qs = process.argv.slice(2);
for (const q of qs) { const a = ask(q.replace(/\\n/g, '\n')); console.log(`> ${q.slice(0,120)}\n  [${a.kind}] ${a.summary.slice(0, 400)}\n`); }
