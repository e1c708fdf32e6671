import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ApplicationWorkflow } from '../../workflows/application.js';
import { type JourneyFunctions, journeyFunctionFolders } from '../../workflows/journey-functions.js';
import { LettersWorkflow } from '../../workflows/letters.js';
import { LettingWorkflow } from '../../workflows/letting.js';
import { asInterface } from './cdk-types.js';
import { DoorstepFunction, letterBundleFiles, letterFontFiles } from './doorstep-function.js';
import { grantJourneyData } from './grants.js';

const descriptions: Record<keyof JourneyFunctions, string> = {
  eligibility: 'Eligibility stage: immigration status (Housing Act 1996 s160ZA / s160A)',
  qualification: 'Qualification stage: local criteria with reasons',
  household: 'Household stage: members and bedroom need',
  documents: 'Documents stage: records declared uploads',
  verification: 'Verification stage: typed against read, or refer',
  register: 'Registered stage: band and effective date',
  offer: 'Offer stage: proposes a home to the household, for approval',
  closeOffer: 'Closes a rejected, refused, lapsed or abandoned offer',
  offerTimer: 'An offer’s deadlines: approval escalation, reminders, lapse',
  nextOffer: 'Finds the next household on a home’s shortlist',
  tenancy: 'TenancySigning stage: prepares the agreement',
  tenancySigning: 'TenancySigning stage: applies the tenant’s signature and countersigns',
  keys: 'Keys stage: issues the key credential',
  let: 'Let stage: completes the letting',
  awaitPerson: 'Parks a human wait’s task token against the application',
  escalate: 'Records a wait’s timeout and tells a senior officer',
  closeCase: 'Closes a case with an officer’s reason',
  letters: 'Writes decision letters (PDF) for decisions made outside a workflow',
};

/**
 * What the steps that write PDFs read beside their bundles: decision letters (shared/services/letter-pdf.ts) in
 * the applicant's language, and the tenancy agreement (tenancy-agreement.ts), whose address may be "Tŷ Gwyn".
 */
const BUNDLE_FILES: Partial<
  Record<keyof JourneyFunctions, (inputDir: string, outputDir: string) => string[]>
> = {
  closeCase: letterBundleFiles,
  letters: letterBundleFiles,
  tenancy: letterFontFiles,
};

/**
 * The journey: one function per stage step and the workflows that call them (Application, then one Letting
 * per offer, and Letters for decisions made outside them). Each function gets the journey's data actions on the table and nothing else.
 */
export class Journey extends Construct {
  readonly functions: Record<keyof JourneyFunctions, DoorstepFunction>;
  readonly application: ApplicationWorkflow;
  readonly letting: LettingWorkflow;
  readonly letters: LettersWorkflow;

  constructor(scope: Construct, id: string, props: { table: Table; key: IKey }) {
    super(scope, id);
    const entries = Object.entries(journeyFunctionFolders) as Array<[keyof JourneyFunctions, string]>;
    this.functions = Object.fromEntries(
      entries.map(([name, folder]) => {
        const fn = new DoorstepFunction(this, `${folder}`, {
          folder,
          description: descriptions[name],
          environment: { TABLE_NAME: props.table.tableName },
          ...(BUNDLE_FILES[name] ? { afterBundling: BUNDLE_FILES[name] } : {}),
        });
        grantJourneyData(fn, props.table, props.key);
        return [name, fn];
      }),
    ) as Record<keyof JourneyFunctions, DoorstepFunction>;

    const aliases = Object.fromEntries(
      entries.map(([name]) => [name, asInterface<IFunction>(this.functions[name].live)]),
    ) as Record<keyof JourneyFunctions, IFunction>;
    this.letting = new LettingWorkflow(this, 'Letting', { functions: aliases });
    this.letters = new LettersWorkflow(this, 'Letters', { functions: aliases });
    this.application = new ApplicationWorkflow(this, 'Application', {
      functions: aliases,
      lettingAliasArn: this.letting.workflow.aliasArn,
    });
  }
}
