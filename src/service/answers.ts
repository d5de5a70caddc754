// The few answers the service itself gives (the core gives every other one): a flood warning and an
// apology for a failure nobody could fix by rephrasing. Both are kind 'error' and private.
import type { Answer } from '../core/answer.js';

/** Set on answers made here, so transports can pick a status code (HTTP: 429, 500). */
export type ServiceAnswer = Answer & { kind: 'error'; code: 'cooldown' | 'internal'; ref?: string; retryAfterSeconds?: number };

const MAX_QUERY = 2_000;

function errorAnswer(query: string, title: string, summary: string, text: string): Answer & { kind: 'error' } {
  return {
    kind: 'error',
    query: query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query,
    title,
    summary,
    facts: [],
    sections: [],
    caveats: [],
    suggestions: [],
    sources: [],
    visibility: 'private',
    context: {},
    text,
  };
}

export function cooldownAnswer(query: string, max: number, windowSeconds: number, retryAfterSeconds: number): ServiceAnswer {
  const summary = `You have asked ${max} question${max === 1 ? '' : 's'} in the last ${windowSeconds} s, which is my limit per person. Please try again in ${retryAfterSeconds} s.`;
  return {
    ...errorAnswer(query, 'Slow down a little', summary, `Slow down a little: ${summary}`),
    code: 'cooldown',
    retryAfterSeconds,
  };
}

export function apologyAnswer(query: string, ref: string): ServiceAnswer {
  const summary = `Sorry, something went wrong on my side while answering. It has been logged; if it keeps happening, quote reference ${ref}.`;
  return { ...errorAnswer(query, 'Something went wrong', summary, summary), code: 'internal', ref };
}

export function isServiceAnswer(answer: Answer): answer is ServiceAnswer {
  return answer.kind === 'error' && 'code' in answer;
}
