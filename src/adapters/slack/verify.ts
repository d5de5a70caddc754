// Slack's request signature, checked by exactly the rules of Bolt's parseAndVerifyHTTPRequest and
// verifySlackRequest (the v0 scheme; an HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret;
// a timestamp no more than five minutes old; the same error messages), with one HMAC and
// crypto.timingSafeEqual. Bolt compares with tsscmp, which hashes both sides again under a random key:
// two more HMACs and a randomBytes per request (~12 % of a busy bot's Slack path). The body is decoded
// once here and parsed once, as Bolt's parseHTTPRequestBody parses it, instead of twice each.
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

const PREFIX = 'Failed to verify authenticity';
/** Bolt's limit for stale requests (its verifySlackRequest): five minutes. */
const MAX_AGE_MINUTES = 5;
const FORM = 'application/x-www-form-urlencoded';
/** A v0 signature's hash: SHA-256 in lower-case hex. */
const HEX_LENGTH = 64;

/** A request Slack signed: its decoded text and, for a form, its fields (parsed once for the check and the body). */
export type VerifiedRequest =
  | { kind: 'ssl_check' }
  | {
      kind: 'signed';
      text: string;
      /** the form's fields when the content type is Bolt's form type, else undefined */
      form: ReturnType<typeof parseQuery> | undefined;
    };

export class SlackVerifier {
  private readonly key: KeyObject;

  constructor(signingSecret: string) {
    if (!signingSecret) throw new Error(`${PREFIX}: signingSecret is empty or undefined`);
    this.key = createSecretKey(Buffer.from(signingSecret));
  }

  /**
   * Throws Bolt's error for a request Slack did not sign (or signed too long ago); returns what was read.
   * As in Bolt, a form whose ssl_check is '1' needs no signature and carries nothing else.
   */
  verify(headers: IncomingHttpHeaders, rawBody: Buffer, nowMs: number): VerifiedRequest {
    const text = rawBody.toString();
    const form = headers['content-type'] === FORM ? parseQuery(text) : undefined;
    if (form !== undefined && form['ssl_check'] === '1') return { kind: 'ssl_check' };
    const signature = header(headers, 'x-slack-signature');
    const timestamp = Number(header(headers, 'x-slack-request-timestamp'));
    if (Number.isNaN(timestamp)) throw new Error(`${PREFIX}: header x-slack-request-timestamp did not have the expected type (${timestamp})`);
    if (timestamp < Math.floor(nowMs / 1000) - 60 * MAX_AGE_MINUTES)
      throw new Error(`${PREFIX}: x-slack-request-timestamp must differ from system time by no more than ${MAX_AGE_MINUTES} minutes or request is stale`);
    // Bolt's `const [version, hash] = signature.split('=')`: the text before the first '=' and the text between it and the next.
    const firstEq = signature.indexOf('=');
    if ((firstEq < 0 ? signature : signature.slice(0, firstEq)) !== 'v0') throw new Error(`${PREFIX}: unknown signature version`);
    const nextEq = signature.indexOf('=', firstEq + 1);
    const hash = signature.slice(firstEq + 1, nextEq < 0 ? undefined : nextEq);
    const ours = createHmac('sha256', this.key).update(`v0:${timestamp}:${text}`).digest('hex');
    if (!sameHex(hash, ours)) throw new Error(`${PREFIX}: signature mismatch`);
    return { kind: 'signed', text, form };
  }
}

/** Bolt's getHeader: a header that is missing or repeated as an array is refused. */
function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  if (value === undefined || Array.isArray(value))
    throw new Error(`${PREFIX}: header ${name} did not have the expected type (received ${typeof value}, expected string)`);
  return value;
}

/** The two strings are equal, compared in constant time for strings of a hash's length (Bolt: tsscmp's `a === b`). */
function sameHex(given: string, ours: string): boolean {
  if (given.length !== HEX_LENGTH) return false;
  const bytes = Buffer.from(given);
  // a character beyond ASCII takes more than one byte: not a hex digit, and not comparable byte for byte
  return bytes.length === HEX_LENGTH && timingSafeEqual(bytes, Buffer.from(ours));
}

/** Bolt's parseHTTPRequestBody over what verify() read: a form's JSON `payload` field, a form's fields, or JSON. */
export function parseVerifiedBody(request: Extract<VerifiedRequest, { kind: 'signed' }>): unknown {
  if (request.form === undefined) return JSON.parse(request.text);
  const payload = request.form['payload'];
  return typeof payload === 'string' ? JSON.parse(payload) : request.form;
}
