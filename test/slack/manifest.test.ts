// manifest.yml stays in step with what the surface handles. No YAML parser is a dependency, so the
// checks read the lines that matter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/adapters/slack/surface.js';
import { SLASH_COMMANDS } from '../../src/adapters/slack/listeners.js';

const manifest = readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8');
const values = (key: string): string[] => [...manifest.matchAll(new RegExp(`^\\s*-?\\s*${key}:\\s*(.+)$`, 'gm'))].map((m) => (m[1] ?? '').trim());

describe('manifest.yml', () => {
  it('declares exactly the slash commands the surface listens for, each with a description and usage hint', () => {
    expect(values('command')).toEqual([...SLASH_COMMANDS]);
    expect(values('description').length).toBeGreaterThanOrEqual(3);
    expect(values('usage_hint')).toHaveLength(SLASH_COMMANDS.length);
  });

  it('points every request URL at /slack/events on a placeholder host', () => {
    const urls = [...values('url'), ...values('request_url')];
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(url).toBe(`https://example.invalid${SLACK_EVENTS_PATH}`);
  });

  it('asks for the four scopes, the mention, DM and Home events, interactivity; Socket Mode off', () => {
    const scopes = manifest
      .match(/bot:\n((?:\s+- .+\n)+)/)?.[1]
      ?.split('\n')
      .map((l) => l.replace(/^\s+- /, '').trim())
      .filter(Boolean);
    // issue 14: direct messages need message.im and its scope, im:history
    expect(scopes).toEqual(['commands', 'app_mentions:read', 'chat:write', 'im:history']);
    const events = manifest
      .match(/bot_events:\n((?:\s+- .+\n)+)/)?.[1]
      ?.split('\n')
      .map((l) => l.replace(/^\s+- /, '').trim())
      .filter(Boolean);
    expect(events).toEqual(['app_mention', 'message.im', 'app_home_opened']);
    // people can write to the bot (Messages tab) and see its Home tab
    expect(manifest).toMatch(/app_home:\n\s+home_tab_enabled: true\n\s+messages_tab_enabled: true\n\s+messages_tab_read_only_enabled: false\n/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(values('socket_mode_enabled')).toEqual(['false']);
  });
});
