/** Simplified Chinese diagnostic messages (keys mirror `en/rules.ts`; a test checks none is missing). */
export const rulesZhCn: Record<string, string> = {};
