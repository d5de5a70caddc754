// Today's date (UTC, YYYY-MM-DD): end-of-life questions are judged against it, not against the data's date.

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whole days from a to b (both YYYY-MM-DD); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
