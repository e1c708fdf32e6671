import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAsl } from './asl.js';

/** `npm run asl`: prints the ASL of both workflows from the last `cdk synth` (cdk.out). */
const template = JSON.parse(readFileSync(join(process.cwd(), 'cdk.out', 'Doorstep.template.json'), 'utf8'));
process.stdout.write(`${JSON.stringify(extractAsl(template), null, 2)}\n`);
