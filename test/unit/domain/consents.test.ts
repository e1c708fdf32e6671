import {
  type ConsentRecord,
  ConsentUse,
  consentChanges,
  currentConsent,
  hasConsent,
  PRIVACY_NOTICE_VERSION,
} from '../../../shared/domain/consents';

const at = '2026-11-02T09:30:00.000Z';
const later = '2026-11-09T14:00:00.000Z';

describe('consents', () => {
  it('counts a use never asked about as not consented (silence is not consent)', () => {
    expect(hasConsent({}, 'text-messages')).toBe(false);
    expect(hasConsent({ consents: [] }, 'text-messages')).toBe(false);
  });

  it('records a change only for the uses whose state the choice changes, with the notice and how', () => {
    const changes = consentChanges(undefined, new Set<ConsentUse>(['text-messages']), { at, via: 'web' });

    expect(changes).toEqual([
      { use: 'text-messages', given: true, at, noticeVersion: PRIVACY_NOTICE_VERSION, via: 'web' },
    ]);
    expect(hasConsent({ consents: changes }, 'text-messages')).toBe(true);
    expect(hasConsent({ consents: changes }, 'homes-by-email')).toBe(false);
  });

  it('changes nothing when the same choice is sent again', () => {
    const first = consentChanges(undefined, new Set<ConsentUse>(['text-messages', 'homes-by-email']), {
      at,
      via: 'web',
    });

    expect(
      consentChanges(first, new Set<ConsentUse>(['homes-by-email', 'text-messages']), {
        at: later,
        via: 'web',
      }),
    ).toEqual([]);
  });

  it('withdraws a consent by adding a record, keeping the history of when it was given', () => {
    const given = consentChanges(undefined, new Set<ConsentUse>(['text-messages']), { at, via: 'sms' });
    const withdrawn = consentChanges(given, new Set<ConsentUse>(), {
      at: later,
      via: 'officer',
      officerId: 'officer-ellis',
    });
    const history: ConsentRecord[] = [...given, ...withdrawn];

    expect(withdrawn).toEqual([
      {
        use: 'text-messages',
        given: false,
        at: later,
        noticeVersion: PRIVACY_NOTICE_VERSION,
        via: 'officer',
        officerId: 'officer-ellis',
      },
    ]);
    expect(hasConsent({ consents: history }, 'text-messages')).toBe(false);
    expect(currentConsent(history, 'text-messages')?.at).toBe(later);
    expect(history).toHaveLength(2);
  });

  it('asks about every use on its own', () => {
    const all = consentChanges(undefined, new Set(ConsentUse.options), { at, via: 'web' });

    expect(all.map((record) => record.use)).toEqual(ConsentUse.options);
  });
});
