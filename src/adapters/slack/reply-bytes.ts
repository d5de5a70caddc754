// A Slack reply as the bytes of its JSON (the ack body), with the parts replies share encoded once.
//
// Serialising a 2–3 KB reply and encoding it as UTF-8 was a tenth of a new question's cost, and most of
// its bytes are parts many answers repeat: a source's context element (the sources are the data's few
// hundred records), a caveats section (sentences from the data), a series' processors, a fact such as
// "Architecture: x64". The renderer hands those out as shared, frozen objects made once (`shared`,
// `SharedByText`), whose JSON bytes are kept beside them, bounded by the data they come from, never by
// the questions asked. `replyBytes` copies those bytes in and JSON.stringify's the rest, one block at a
// time: the result is byte for byte `Buffer.from(JSON.stringify(reply))` (test/slack/reply-bytes.test.ts
// checks it over every row of the data). Measured with callgrind over the benchmark's 1,860 answers:
// rendering and encoding 108k instructions an answer, against 185k for rendering, JSON.stringify and
// Buffer.from; going through every block here rather than only those with shared parts cost 148k.

/** A shared part's JSON, UTF-8 encoded: a view into a slab of its own (a slice of Node's pool would keep the pool alive). */
const kept = new WeakMap<object, Uint8Array>();

const SLAB_BYTES = 16 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function ownBytes(json: string): Uint8Array {
  const length = Buffer.byteLength(json);
  if (length > SLAB_BYTES / 4) {
    const bytes = Buffer.allocUnsafeSlow(length);
    bytes.write(json);
    return bytes;
  }
  if (slabUsed + length > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  slab.write(json, slabUsed);
  const bytes = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += length;
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

/**
 * Shared parts made from a text and kept by it: the same text gives the same part (for text the data
 * repeats: a series' processors, a fact, a caveats section). Bounded: emptied when full.
 */
export class SharedByText<T extends object> {
  private readonly parts = new Map<string, T>();

  constructor(
    readonly capacity: number,
    private readonly make: (text: string) => T,
  ) {}

  get size(): number {
    return this.parts.size;
  }

  get(text: string): T {
    let part = this.parts.get(text);
    if (part === undefined) {
      if (this.parts.size >= this.capacity) this.parts.clear();
      part = shared(this.make(text));
      this.parts.set(text, part);
    }
    return part;
  }
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

  /** A value as JSON.stringify writes it inside an array (undefined, functions and symbols are null); kept bytes when shared. */
  value(value: unknown): void {
    const bytes = typeof value === 'object' && value !== null ? kept.get(value) : undefined;
    if (bytes !== undefined) this.bytes(bytes);
    else this.text(JSON.stringify(value) ?? 'null');
  }

  /** `"key":` */
  key(key: string, first: boolean): void {
    this.run += first ? keyJson(key) : `,${keyJson(key)}`;
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

/** `"key":` for the few keys a reply has (type, text, blocks, fields, elements, …), made once each. */
const keys = new Map<string, string>();
const MAX_KEYS = 64;

function keyJson(key: string): string {
  let json = keys.get(key);
  if (json === undefined) {
    json = `${JSON.stringify(key)}:`;
    if (keys.size < MAX_KEYS) keys.set(key, json);
  }
  return json;
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

/**
 * A block: its kept bytes; a context block (sources) or a section with fields (facts), whose parts may be
 * shared, key by key, each value (and each item of an array) kept bytes when shared; any other block,
 * JSON.stringify'd whole (cheaper than going through it here).
 */
function writeBlock(block: unknown, out: JsonPieces): void {
  if (typeof block !== 'object' || block === null) return out.text(JSON.stringify(block) ?? 'null');
  const bytes = kept.get(block);
  if (bytes !== undefined) return out.bytes(bytes);
  if (!isPlainObject(block) || (block['type'] !== 'context' && block['fields'] === undefined)) return out.text(JSON.stringify(block) ?? 'null');
  out.text('{');
  let first = true;
  for (const key of Object.keys(block)) {
    const value = block[key];
    if (!written(value)) continue;
    out.key(key, first);
    first = false;
    if (Array.isArray(value)) {
      out.text('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out.text(',');
        out.value(value[i]);
      }
      out.text(']');
    } else out.value(value);
  }
  out.text('}');
}

/**
 * `Buffer.from(JSON.stringify(reply))`, with the shared parts' bytes copied in rather than written again.
 * A reply is a plain object (a message: response_type, text, blocks, …); its blocks are looked into one
 * level down, everything else is JSON.stringify's. (Objects with toJSON, which replies do not hold, would
 * see JSON.stringify's key argument as "".)
 */
export function replyBytes(reply: object): Buffer {
  if (!isPlainObject(reply)) return Buffer.from(JSON.stringify(reply) ?? '');
  const out = new JsonPieces();
  out.text('{');
  let first = true;
  for (const key of Object.keys(reply)) {
    const value = reply[key];
    if (!written(value)) continue;
    out.key(key, first);
    first = false;
    if (key === 'blocks' && Array.isArray(value)) {
      out.text('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out.text(',');
        writeBlock(value[i], out);
      }
      out.text(']');
    } else out.text(JSON.stringify(value));
  }
  out.text('}');
  return out.finish();
}
