import type { Application, HouseholdMember } from '../shared/domain/application.js';
import {
  HOMELESSNESS_DUTY_OPTIONS,
  HOUSING_SUPPORT_OPTIONS,
  IMMIGRATION_OPTIONS,
  isApplicable,
  MEDICAL_NEED_OPTIONS,
  NEED_NAMES,
  type NeedName,
  owesFormerLandlord,
  type PromptId,
  TENURE_OPTIONS,
} from '../shared/domain/conversation.js';
import { formatShareCode } from '../shared/domain/immigration-evidence.js';
import { type Language, translate, welshMonths } from '../shared/i18n/index.js';

/**
 * The "Check your answers" page's rows (GOV.UK pattern): every answer, each with a Change link that carries
 * `?change=1`, so the applicant comes back here once the answer (and any question it opens) is given. Values
 * are plain text: the summary list macro escapes them. They are built in the applicant's language (issue 9), as
 * a row joins several texts and each is translated before it is joined.
 */

export type CheckAnswersRow = {
  key: { text: string };
  value: { text: string };
  actions: { items: Array<{ href: string; text: string; visuallyHiddenText: string }> };
};
export type CheckAnswersSection = { title: string; rows: CheckAnswersRow[] };

export const RELATIONSHIP_TEXT: Record<HouseholdMember['relationship'], string> = {
  applicant: 'You',
  partner: 'Partner',
  child: 'Child',
  'other-adult': 'Another adult',
  lodger: 'Lodger',
};

const NEED_SUMMARY: Record<NeedName, string> = {
  needsOwnRoomForDisability: 'needs a bedroom of their own because of a disability',
  needsOvernightCarer: 'needs a carer to stay overnight',
  awayStudent: 'a student living away',
  awayArmedForces: 'away on armed forces operations',
};

/** "2 July 1988" from an ISO date. */
export function longDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const money = (pence: number | undefined) =>
  pence === undefined ? '' : `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;

/** A share code for an officer to check, or that there is none yet. */
function evidenceText(application: Application, t: ReturnType<typeof translator>): string {
  const evidence = application.profile.immigrationEvidence;
  if (!evidence) return '';
  if (evidence.kind === 'none') return t('No share code yet: an officer will help you get one');
  return t('Share code {code}, date of birth {date}', {
    code: formatShareCode(evidence.shareCode),
    date: longDate(evidence.dateOfBirth),
  });
}

/** How a member of the household reads in a list: who they are, when born (or due), and their needs. */
export function describeMember(member: HouseholdMember, language: Language = 'en'): string {
  const t = translator(language);
  if (member.unborn)
    return t('A baby you are expecting, due {date}', {
      date: longDate(member.dueDate ?? member.dateOfBirth),
    });
  const needs = NEED_NAMES.filter((need) => member[need] === true).map((need) => t(NEED_SUMMARY[need]));
  return [
    t('{relationship}, born {date}', {
      relationship: t(RELATIONSHIP_TEXT[member.relationship]),
      date: longDate(member.dateOfBirth),
    }),
    ...needs,
  ].join('; ');
}

/** Translates a text, then fills its `{placeholders}` (dates with their months in the language too). */
function translator(language: Language) {
  return (text: string, values: Record<string, string> = {}) =>
    translate(language, text).replace(/\{([a-z]+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return language === 'cy' ? welshMonths(value) : value;
    });
}

export function checkAnswersSections(
  application: Application,
  language: Language = 'en',
): CheckAnswersSection[] {
  const t = translator(language);
  const base = `/applications/${application.applicationId}`;
  const change = (path: string) => `${base}${path}?change=1`;
  const row = (key: string, value: string, href: string, hidden?: string): CheckAnswersRow => ({
    key: { text: t(key) },
    value: { text: value },
    actions: { items: [{ href, text: t('Change'), visuallyHiddenText: hidden ?? t(key).toLowerCase() }] },
  });
  const yesNo = (value: boolean | undefined) => (value === undefined ? '' : t(value ? 'Yes' : 'No'));
  const optionText = (options: ReadonlyArray<{ value: string; text: string }>, value: string | undefined) =>
    t(options.find((option) => option.value === value)?.text ?? '');
  const question = (prompt: PromptId) => change(`/questions/${prompt}`);
  const { profile } = application;
  const you = profile.household.find((member) => member.relationship === 'applicant');
  const others = profile.household.filter((member) => member.relationship !== 'applicant');
  const connection = profile.localConnection;
  const circumstances = profile.circumstances;
  const owes = owesFormerLandlord(application);
  const identity = application.documents.findLast(
    (document) =>
      (document.kind === 'passport' || document.kind === 'driving-licence') && document.status !== 'rejected',
  );

  const yourNeeds = you
    ? (['needsOvernightCarer', 'needsOwnRoomForDisability'] as const)
        .filter((need) => you[need] === true)
        .map((need) =>
          t(
            need === 'needsOvernightCarer'
              ? 'You need a carer to stay overnight'
              : 'You cannot share a bedroom with your partner because of a disability',
          ),
        )
    : [];
  const links = [
    connection?.worksInArea ? t('You work in the area') : undefined,
    connection?.closeFamilyInArea ? t('A close relative has lived here for 5 years or more') : undefined,
  ].filter((text) => text !== undefined);
  const exceptions = [
    connection?.armedForces ? t('Armed forces') : undefined,
    connection?.fleeingDomesticAbuse ? t('Leaving home because of domestic abuse') : undefined,
    connection?.careLeaver ? t('Grew up in care') : undefined,
    connection?.rightToMove ? t('Moving here for work (Right to Move)') : undefined,
  ].filter((text) => text !== undefined);

  return [
    {
      title: t('About you'),
      rows: [
        row('Name', you ? `${you.firstName} ${you.lastName}` : '', question('name')),
        row(
          'Date of birth',
          language === 'cy' ? welshMonths(longDate(you?.dateOfBirth)) : longDate(you?.dateOfBirth),
          question('date-of-birth'),
        ),
        row('Sex', you ? t(you.sex === 'female' ? 'Female' : 'Male') : '', question('sex')),
        row('Email', profile.contact?.email ?? '', question('contact')),
        row('Phone', profile.contact?.phone ?? t('Not given'), question('contact')),
        row(
          'Immigration status',
          optionText(IMMIGRATION_OPTIONS, profile.immigrationStatus),
          question('immigration-status'),
        ),
        ...(isApplicable(application, 'immigration-evidence')
          ? [
              row(
                'Proof of immigration status',
                evidenceText(application, t),
                question('immigration-evidence'),
              ),
            ]
          : []),
      ],
    },
    {
      title: t('Your household'),
      rows: [
        row(
          'People who will live with you',
          others.length === 0
            ? t('Just you')
            : t('{count}, including you', { count: String(others.length + 1) }),
          change('/household'),
        ),
        row('Your needs', yourNeeds.length > 0 ? yourNeeds.join('; ') : t('None'), change('/household')),
        ...others.map((member) =>
          row(
            `${member.firstName} ${member.lastName}`,
            describeMember(member, language),
            change(`/household/${member.memberId}/change`),
            `${member.firstName} ${member.lastName}`,
          ),
        ),
      ],
    },
    {
      title: t('Where you live'),
      rows: [
        row(
          'Address',
          profile.currentHome?.addressLine
            ? `${profile.currentHome.addressLine}, ${profile.currentHome.postcode ?? ''}`
            : profile.currentHome?.tenure === 'no-home'
              ? t('No address: nowhere to live')
              : '',
          question('current-home'),
        ),
        row('Bedrooms', String(profile.currentHome?.bedrooms ?? ''), question('current-home')),
        row(
          'How you live there',
          optionText(TENURE_OPTIONS, profile.currentHome?.tenure),
          question('current-home'),
        ),
        row('Years in the area', String(connection?.yearsInArea ?? ''), question('local-connection')),
        row(
          'Other links to the area',
          links.length > 0 ? links.join('; ') : t('None'),
          question('local-connection'),
        ),
        row(
          'Also applies to you',
          exceptions.length > 0 ? exceptions.join('; ') : t('None'),
          question('local-connection'),
        ),
      ],
    },
    {
      title: t('Money'),
      rows: [
        row('Earnings each month', money(profile.income?.monthlyEarnings), question('income')),
        row('Benefits and pensions each month', money(profile.income?.monthlyBenefits), question('income')),
        row('Savings', money(profile.income?.savings), question('income')),
        row(
          'Help with your rent',
          optionText(HOUSING_SUPPORT_OPTIONS, profile.income?.housingSupport) || t('Not given'),
          question('income'),
        ),
      ],
    },
    {
      title: t('Your circumstances'),
      rows: [
        row('Own a home', yesNo(circumstances?.ownsProperty), question('owns-property')),
        row('Owe rent to a former landlord', circumstances ? yesNo(owes) : '', question('former-arrears')),
        ...(owes
          ? [
              row('Rent you owe', money(circumstances?.formerTenancyArrears), question('arrears-details')),
              row(
                'Keeping to a plan to pay it back',
                yesNo(circumstances?.arrearsRepaymentPlanKept),
                question('arrears-details'),
              ),
            ]
          : []),
        row(
          'Serious anti-social behaviour found by a court',
          yesNo(circumstances?.unacceptableBehaviour),
          question('behaviour'),
        ),
        row(
          'A council’s homelessness duty',
          optionText(HOMELESSNESS_DUTY_OPTIONS, circumstances?.homelessnessDuty),
          question('homelessness-duty'),
        ),
        ...(isApplicable(application, 'disrepair')
          ? [row('Home in serious disrepair', yesNo(circumstances?.disrepair), question('disrepair'))]
          : []),
        row(
          'Need to move for health or disability',
          optionText(MEDICAL_NEED_OPTIONS, circumstances?.medicalNeed),
          question('medical-need'),
        ),
        row(
          'Need to move here to avoid hardship',
          yesNo(circumstances?.hardshipMove),
          question('hardship-move'),
        ),
        row('Approved foster carer', yesNo(circumstances?.fosterCarer), question('foster-carer')),
      ],
    },
    {
      title: t('Your identity document'),
      rows: [
        row(
          'Identity document',
          identity ? t(identity.kind === 'passport' ? 'Passport' : 'Driving licence') : '',
          `${base}/documents/new`,
        ),
      ],
    },
  ];
}
