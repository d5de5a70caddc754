// Statuses are computed from the dates against today: AZLINUX_TODAY (or setToday) fixes today for a run,
// and the answer cache never serves an answer computed for another day.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { daysBetween, parseIsoDay } from '../../src/core/clock.js';
import { ask, catalog, setToday, today } from '../../src/core/index.js';
import { statusOf } from '../../src/core/answers/lifecycle.js';
import { TEST_TODAY } from '../setup/today.js';

afterEach(() => setToday(TEST_TODAY));

describe('the calendar', () => {
  it('accepts real YYYY-MM-DD days only', () => {
    expect(parseIsoDay('2027-01-15')).toBe('2027-01-15');
    expect(parseIsoDay('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2027-13-01', '2027-1-5', 'tomorrow', '', '2027-01-15T00:00']) expect(parseIsoDay(bad)).toBeNull();
    expect(() => setToday('2027-02-30')).toThrow(/YYYY-MM-DD/);
  });

  it('counts whole days both ways', () => {
    expect(daysBetween('2026-12-06', '2026-12-09')).toBe(3);
    expect(daysBetween('2027-01-15', '2026-12-09')).toBe(-37);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('is the real UTC date unless fixed', () => {
    setToday(undefined);
    expect(today(new Date('2030-05-04T23:59:00Z'))).toBe('2030-05-04');
    setToday('2027-01-15');
    expect(today(new Date('2030-05-04T23:59:00Z'))).toBe('2027-01-15');
  });
});

describe('every release status follows its dates', () => {
  const releases = catalog().distros.flatMap((d) => d.releases.map((r) => [`${d.id} ${r.version}`, r] as const));
  it.each(releases)('%s', (_name, r) => {
    const day = '2026-12-06';
    const s = statusOf(r, day);
    if (r.status === 'preview') return void expect(s).toBe('in preview');
    if (r.released && r.released > day) return void expect(s).toMatch(/^not released yet/);
    const last = r.extendedSupport?.until ?? r.eol;
    if (!r.eol) return void expect(s).toBe('generally available');
    if (r.eol >= day)
      expect(s).toBe(
        `generally available; end of life in ${daysBetween(day, r.eol)} days (${r.eol})`.replace('in 0 days', 'today').replace('in 1 days', 'tomorrow'),
      );
    else if (last! >= day)
      expect(s).toMatch(new RegExp(`^regular support ended \\d+ days ago \\(${r.eol}\\); ${r.extendedSupport!.name} until ${r.extendedSupport!.until}`));
    else expect(s).toMatch(new RegExp(`reached end of life ${daysBetween(last!, day)} days? ago`));
  });
});

describe('Fedora 43 against today', () => {
  it('ends in 3 days on 2026-12-06, ended 37 days ago on 2027-01-15', () => {
    setToday('2026-12-06');
    expect(ask('/azlinux releases fedora').text).toMatch(/43 \| generally available; end of life in 3 days \(2026-12-09\)/);
    setToday('2027-01-15');
    const later = ask('/azlinux releases fedora');
    expect(later.text).toMatch(/43 \| reached end of life 37 days ago \(2026-12-09\)/);
    expect(later.text).toMatch(/44 \| generally available; end of life in 138 days \(2027-06-02\)/);
  });

  it('the answer cache keys on the day: the same question asked on two days gets two statuses', () => {
    const q = 'is fedora 43 still supported';
    const days = ['2026-12-08', '2026-12-09', '2026-12-10'];
    const seen = days.map((d) => {
      setToday(d);
      ask(q); // asked twice a day: the second asking is cached
      return ask('/azlinux releases fedora')
        .text.match(/43 \| ([^|]+)\|/)![1]!
        .trim();
    });
    expect(seen).toEqual([
      'generally available; end of life tomorrow (2026-12-09)',
      'generally available; end of life today (2026-12-09)',
      'reached end of life yesterday (2026-12-09)',
    ]);
  });
});

describe('AZLINUX_TODAY for a run', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/adapters/cli/ask.ts', '--json', '/azlinux releases fedora'], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('AZLINUX_TODAY=2027-01-15 makes Fedora 43 past its end of life', () => {
    const r = run({ AZLINUX_TODAY: '2027-01-15' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).text).toMatch(/43 \| reached end of life 37 days ago \(2026-12-09\)/);
  });

  it('an invalid value is a clear usage error (exit 2), no stack trace', () => {
    const r = run({ AZLINUX_TODAY: '2027-13-45' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^Configuration error: AZLINUX_TODAY must be a calendar date written YYYY-MM-DD/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
