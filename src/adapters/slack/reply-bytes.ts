// A Slack reply as the bytes of its JSON (the ack body), with the parts replies share encoded once.
//
// Serialising a 2–3 KB reply and encoding it as UTF-8 was a tenth of a new question's cost, and most of
// its bytes are parts many answers repeat: a source's context element (the sources are the data's few
// hundred records) and a caveats section (sentences from the data). The renderer hands those out as
// shared, frozen objects made once (`shared`), whose JSON bytes are kept beside them, bounded by the
// data they come from, never by the questions asked. `replyBytes` copies those bytes in and
// JSON.stringify's the rest, one block at a time: the result is byte for byte
// `Buffer.from(JSON.stringify(reply))` (test/slack/reply-bytes.test.ts checks it over every row of the data).

/** A shared part's JSON, UTF-8 encoded: a buffer of its own (a slice of Node's pool would keep the pool alive). */
const kept = new WeakMap<object, Uint8Array>();

function ownBytes(json: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  bytes.write(json);
  return bytes;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * `part`, frozen all the way down, with its JSON bytes kept for every reply it goes into. For parts many
 * replies share (made once per source record or caveat text): anything else is cheaper stringified in place.
 */
export function shared<T extends object>(part: T): T {
  if (!kept.has(part)) kept.set(deepFreeze(part), ownBytes(JSON.stringify(part)));
  return part;
}

/** The reply's JSON as it is put together: text not yet encoded, then kept bytes, in order. */
class JsonPieces {
  private readonly pieces: Array<string | Uint8Array> = [];
  private run = '';

  text(json: string): void {
    this.run += json;
  }

  bytes(bytes: Uint8Array): void {
    if (this.run !== '') this.pieces.push(this.run);
    this.run = '';
    this.pieces.push(bytes);
  }

  /** A value as JSON.stringify writes it inside an array (undefined, functions and symbols are null). */
  item(value: unknown): void {
    const bytes = typeof value === 'object' && value !== null ? kept.get(value) : undefined;
    if (bytes !== undefined) this.bytes(bytes);
    else this.text(JSON.stringify(value) ?? 'null');
  }

  /** One buffer: the text encoded straight into it, the kept bytes copied. */
  finish(): Buffer {
    if (this.run !== '') this.pieces.push(this.run);
    this.run = '';
    let length = 0;
    for (const piece of this.pieces) length += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    for (const piece of this.pieces) {
      if (typeof piece === 'string') at += out.write(piece, at);
      else {
        out.set(piece, at);
        at += piece.length;
      }
    }
    return out;
  }
}

/** Does JSON.stringify write this property (undefined, functions and symbols are left out of an object)? */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** An object's JSON, key by key, with `inner` writing each value (the kept parts sit one level down). */
function writeObject(object: Record<string, unknown>, out: JsonPieces, inner: (key: string, value: unknown) => void): void {
  out.text('{');
  let first = true;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (!written(value)) continue;
    out.text(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    inner(key, value);
  }
  out.text('}');
}

/** A block: its kept bytes; a context block (sources) element by element; any other, stringified. */
function writeBlock(block: unknown, out: JsonPieces): void {
  if (typeof block === 'object' && block !== null) {
    const bytes = kept.get(block);
    if (bytes !== undefined) return out.bytes(bytes);
    if (isPlainObject(block) && block['type'] === 'context') {
      return writeObject(block, out, (_key, value) => (Array.isArray(value) ? writeArray(value, out, (v) => out.item(v)) : out.text(JSON.stringify(value))));
    }
  }
  out.text(JSON.stringify(block) ?? 'null');
}

function writeArray(items: readonly unknown[], out: JsonPieces, write: (item: unknown) => void): void {
  out.text('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.text(',');
    write(items[i]);
  }
  out.text(']');
}

/**
 * `Buffer.from(JSON.stringify(reply))`, with the shared parts' bytes copied in rather than written again.
 * A reply is a plain object (a message: response_type, text, blocks, …); its blocks are looked at one by
 * one, everything else is JSON.stringify's. (Objects with toJSON, which replies do not hold, would see
 * JSON.stringify's key argument as "".)
 */
export function replyBytes(reply: object): Buffer {
  const out = new JsonPieces();
  if (!isPlainObject(reply)) {
    out.text(JSON.stringify(reply) ?? '');
    return out.finish();
  }
  writeObject(reply, out, (key, value) => {
    if (key === 'blocks' && Array.isArray(value)) writeArray(value, out, (block) => writeBlock(block, out));
    else out.text(JSON.stringify(value));
  });
  return out.finish();
}
