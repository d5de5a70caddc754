// The /cpulevel texts the Slack benchmark sends, in turn (the bot answers each with the real core).
export const SLACK_TEXTS = ['Standard_D4s_v5', 'Standard_D2s_v3', 'x86-64-v3', 'EPYC 7763', 'flags avx2 bmi2 fma movbe'] as const;
