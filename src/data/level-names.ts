// The x86-64 psABI levels, lowest first: the one list every layer orders levels by (the schema, the
// data checks, the core, Discord's level choices). No zod here, so the core can use it at run time.
export const LEVEL_NAMES = ['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'] as const;
