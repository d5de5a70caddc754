// What every entry point must give back, whatever it was sent.
import { expect } from 'vitest';
import { ANSWER_KINDS } from '../fixtures/answer-kinds.js';

/** A broadcast or group ping in any of the syntaxes a chat platform honours. */
export const BROADCAST = /@(everyone|here|channel)\b|<!(everyone|here|channel|subteam)/i;

/** The answer JSON contract, bounded and non-empty. */
export function expectAnswer(answer: Record<string, unknown>): void {
  expect(ANSWER_KINDS).toContain(answer.kind);
  expect(typeof answer.query).toBe('string');
  expect(typeof answer.text).toBe('string');
  const text = answer.text as string;
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text.length).toBeLessThanOrEqual(4_000);
  expect(Array.isArray(answer.sources)).toBe(true);
  expect(() => JSON.stringify(answer)).not.toThrow();
}

/** Run `work`, failing if it takes longer than `ms` (a hang, not a slow machine). */
export async function within<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
