import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per function, created once per module (STYLE.md). Events are never logged whole: a wait's event
 * carries a task token, which is a bearer secret, and answers carry personal data.
 */
export const logger = new Logger({
  serviceName: 'doorstep',
  logLevel: process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'INFO',
});
