import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { TABLE_KEYS } from '../../shared/adapters/aws/keys.js';

/**
 * The journey's data access, narrower than `grantReadWriteData`: the item and query actions Doorstep's
 * adapter uses, on the table and its one index by name, and the key operations DynamoDB makes on the
 * caller's behalf. No scans, no deletes of tables, no wildcards.
 */
export function grantJourneyData(grantee: IGrantable, table: Table, key: IKey): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:Query',
        'dynamodb:ConditionCheckItem',
      ],
      resources: [table.tableArn, `${table.tableArn}/index/${TABLE_KEYS.gsi1.name}`],
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: [key.keyArn],
    }),
  );
}
