// Discord's hard limits, kept as data (values from discord.js's guide and Discord's API reference).
// Exceeding any of them makes the API refuse the whole message, so the renderer stays strictly inside.

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** sum of title, description, field names and values, footer text and author name across ALL embeds */
  total: 6000,
  embedsPerMessage: 10,
} as const;

export const AUTOCOMPLETE_LIMITS = {
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Discord ends an interaction that has no initial response within 3 s; defer well before that. */
export const DEFER_AFTER_MS = 1500;
