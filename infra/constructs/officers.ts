import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Officer roles, as Cognito groups (DESIGN.md §1b). */
export const OFFICER_ROLES = ['officer', 'senior-officer'] as const;

/**
 * Lettings officers sign in here: no self sign-up (accounts are created by an administrator with the officer's
 * landlord), MFA by authenticator app, strong passwords, threat protection enforced.
 */
export class Officers extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  /** The server-rendered console's own client (the web function signs officers in with their password). */
  readonly webConsoleClient: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'doorstep-officers',
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: { landlordId: new StringAttribute({ mutable: false, minLen: 2, maxLen: 40 }) },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of OFFICER_ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    }
    this.consoleClient = this.userPool.addClient('Console', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(10),
    });
    // The web function sends the officer's email and password to Cognito from the server (USER_PASSWORD_AUTH:
    // there is no browser-side SRP in a page that works without JavaScript), so this client allows that flow
    // and nothing else, with no client secret (the adapter sends no SECRET_HASH). The console keeps only the
    // ID token, for 30 minutes; the refresh token is never stored (one hour is the least Cognito allows).
    this.webConsoleClient = this.userPool.addClient('WebConsole', {
      authFlows: { userPassword: true },
      // No hosted sign-in, no redirects: the client serves InitiateAuth only.
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(1),
      // The session between the password and the authenticator app's code (web/officer-sign-in.ts). Ten
      // minutes, not Cognito's three, so an officer adding the app on first sign-in has time to install it and
      // scan the key.
      authSessionValidity: Duration.minutes(10),
    });
  }
}
