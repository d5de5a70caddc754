// Request bodies are bounded: a body declared (Content-Length) over the limit is refused at the headers,
// before a byte of it is buffered or any signature is checked; one that turns out longer while streaming
// (chunked) is cut off at the limit. The rest is never read: the connection is left unread for a moment
// (so the client reads the 413 rather than a connection reset), then closed. Memory never follows what a
// client sends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './json.js';

/** Slack's payloads are a few KB (a slash command's text is at most 4,000 characters); 1 MiB is ample. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long the rest of an unwanted body is read and discarded before the connection is closed. */
export const LINGER_MS = 1_000;

/** The declared length when it is over `limit` (or unreadable), else undefined. */
export function declaredTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): string | undefined {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  if (!/^\d+$/.test(header)) return header;
  return Number(header) > limit ? header : undefined;
}

const lingering = new WeakSet<IncomingMessage>();

/**
 * After answering a request whose body must not be read any further: read no more of it (node would
 * otherwise read the rest to throw it away), and close the connection after `lingerMs`, or sooner if
 * the client closes it having read the answer.
 */
export function closeUnread(req: IncomingMessage, lingerMs = LINGER_MS): void {
  if (req.complete || req.socket.destroyed || lingering.has(req)) return;
  lingering.add(req);
  // read(0) marks the body as being consumed, so node does not dump (read and discard) the rest when
  // the response finishes; paused, nothing more is read from the socket (also after a dump began).
  req.read(0);
  req.pause();
  const timer = setTimeout(() => req.socket.destroy(), lingerMs);
  timer.unref();
  req.socket.once('close', () => clearTimeout(timer));
}

export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): void {
  sendError(res, 413, 'payload too large', `request bodies are limited to ${limit} bytes`);
  closeUnread(req);
}
