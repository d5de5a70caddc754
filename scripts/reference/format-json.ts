// Pretty JSON with short leaf objects and arrays kept on one line (one VM size, one source, one
// upstream edge per line), so the tables read well and diff line by line. Key order is the order the
// builders create, which follows the schema.

const MAX_INLINE = 110;

function isLeaf(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object');
  if (v !== null && typeof v === 'object') return Object.values(v).every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.length === 0));
  return true;
}

function inline(v: unknown): string {
  return JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/\{ /g, '{ ').replace(/ \}/g, ' }');
}

function format(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const entries = Array.isArray(v) ? v.map((x) => [null, x] as const) : Object.entries(v).map(([k, x]) => [k, x] as const);
  if (entries.length === 0) return Array.isArray(v) ? '[]' : '{}';
  if (isLeaf(v)) {
    const one = inline(v);
    if (one.length + indent.length <= MAX_INLINE) return one;
  }
  const inner = `${indent}  `;
  const lines = entries.map(([k, x]) => `${inner}${k === null ? '' : `${JSON.stringify(k)}: `}${format(x, inner)}`);
  return Array.isArray(v) ? `[\n${lines.join(',\n')}\n${indent}]` : `{\n${lines.join(',\n')}\n${indent}}`;
}

export function formatJson(value: unknown): string {
  return `${format(value, '')}\n`;
}
