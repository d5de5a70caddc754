// The HTTP API echoes the question back as `query`. Its JSON is often pasted or relayed into chat
// (webhooks, bots built on the API), so a mention typed into the question must not arrive there as
// one: a zero-width space after the opening `<` or `@` keeps it readable and inert on Slack and Discord.

/** `<!channel>`, `<!here|…>`, `<!subteam^…>`, `<@U…>`, `<#C…>`, `@everyone`, `@here`, `@channel` made inert. */
export function neutralisePings(text: string): string {
  return text.replace(/<(?=[!@#])/g, '<\u200b').replace(/@(?=(everyone|here|channel)\b)/gi, '@\u200b');
}
