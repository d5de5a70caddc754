// TEMPORARY stand-in for src/core's ask() until the data loader lands; same contract, three answers.
import type { AskFn } from '../../src/core/conversation.js';
import { fixtures } from './fixtures.js';

export const stubAsk: AskFn = (raw, context = {}) => {
  const publicWord = /\spublic$/i.test(raw.trim());
  const text = raw.replace(/\spublic$/i, '').trim();
  const vis = publicWord ? ('public' as const) : ('private' as const);
  if (/standard_d4s_v5/i.test(text)) return { ...fixtures['vm-size'], query: raw, visibility: vis, context: { size: 'Standard_D4s_v5' } };
  if (/azure linux 4/i.test(text)) {
    return { ...fixtures.distro, query: raw, summary: 'Azure Linux 4.0 is built from Fedora 43.', text: 'Azure Linux 4.0 is built from Fedora 43.', visibility: vis, context: { distro: 'azure-linux', release: '4.0' } };
  }
  if (/preview/i.test(text) && context.distro === 'azure-linux') {
    const summary = `Azure Linux ${context.release ?? ''} is in preview.`;
    return { ...fixtures.distro, query: raw, summary, text: summary, visibility: vis, context: {} };
  }
  if (/help/.test(text)) return { ...fixtures.help, query: raw };
  return { ...fixtures['not-found'], query: raw, summary: `I don't know \`${text}\`.`, text: `I don't know ${text}.` };
};
