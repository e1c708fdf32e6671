import type { PromptId } from '../shared/domain/conversation.js';

/** The page that asks a prompt. */
export function promptPath(applicationId: string, prompt: PromptId): string {
  const base = `/applications/${applicationId}`;
  if (prompt === 'household') return `${base}/household`;
  if (prompt === 'identity-document') return `${base}/documents/new`;
  if (prompt === 'check-answers') return `${base}/check-answers`;
  return `${base}/questions/${prompt}`;
}
