// Questions with a misspelled name, made from every size, series, distro and CPU name in the data:
// the "did you mean" load. Each name is typed with one slip, as a command and in plain words.
import type { Catalog } from '../src/core/catalog.js';

/** One slip in `name`, its kind and place chosen by `n`: a character dropped, doubled, swapped, replaced. */
export function misspell(name: string, n: number): string {
  const body = name.replace(/^Standard_/, '');
  const head = name.slice(0, name.length - body.length);
  const at = n % Math.max(1, body.length);
  let slipped: string;
  switch (n % 4) {
    case 0:
      slipped = body.slice(0, at) + body.slice(at + 1);
      break;
    case 1:
      slipped = body.slice(0, at + 1) + body.slice(at);
      break;
    case 2:
      slipped = at + 1 < body.length ? body.slice(0, at) + body[at + 1] + body[at] + body.slice(at + 2) : `${body}x`;
      break;
    default:
      slipped = `${body.slice(0, at)}${body[at] === 'q' ? 'z' : 'q'}${body.slice(at + 1)}`;
  }
  return head + slipped;
}

export function misspelledQuestions(catalog: Catalog): string[] {
  const out: string[] = [];
  let n = 0;
  for (const s of catalog.sizes) out.push(n % 2 ? `/cpulevel ${misspell(s.size.name, n++)}` : `which cpu is behind ${misspell(s.size.name, n++)}?`);
  for (const s of catalog.series) out.push(`/cpulevel ${misspell(s.record.series, n++)} series`);
  for (const d of catalog.distros) {
    out.push(`/azlinux lineage ${misspell(d.name, n++)}`);
    out.push(`what is ${misspell(d.name, n++)} based on?`);
  }
  for (const c of catalog.cpus.values()) out.push(`/cpulevel ${misspell(c.model.model, n++)}`);
  return out;
}
