import { Logger } from '@aws-lambda-powertools/logger';

const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
type Level = (typeof LEVELS)[number];
const configured = process.env.LOG_LEVEL?.toUpperCase();

/**
 * One logger per function, created once per module (STYLE.md). Events are never logged whole: a wait's event
 * carries a task token, which is a bearer secret, and answers carry personal data. `LOG_LEVEL` picks the level
 * (INFO by default; `npm start` uses WARN so the terminal shows the journey, not every step).
 */
export const logger = new Logger({
  serviceName: 'doorstep',
  logLevel: LEVELS.includes(configured as Level) ? (configured as Level) : 'INFO',
});
