import type { DocumentRecord } from '../../../shared/domain/application';
import { unsureNameNote } from '../../../shared/services/passport-names';
import { aCompleteApplication } from '../../fixtures/applications';
import { aReadPassport } from '../../support/uploads';

/** The note beside a passport read less surely than the policy allows, as the document page shows it. */

const values = {
  surname: 'PRITCHARD',
  givenNames: 'GARETH<HUW',
  dateOfBirth: '1988-07-02',
  expiryDate: '2031-05-01',
  checkDigitsValid: 'true',
};

describe('unsureNameNote', () => {
  it('says an officer will compare a passport read at 0.56 whose name matches only tolerantly', () => {
    // Prepare
    const application = aCompleteApplication();

    // Act
    const note = unsureNameNote(application, aReadPassport(values, 0.56));

    // Assess
    expect(note).toMatch(/an officer will compare the photo with your answers/);
  });

  it.each<[string, DocumentRecord]>([
    ['read surely', aReadPassport(values, 0.97)],
    [
      'with a problem the applicant must mend first',
      { ...aReadPassport(values, 0.56), problem: 'Another photo, please.' },
    ],
    ['a driving licence', { ...aReadPassport(values, 0.56), kind: 'driving-licence' }],
    ['not read yet', { ...aReadPassport(values, 0.56), status: 'uploaded' }],
  ])('says nothing of a passport %s', (_case, document) => {
    // Act
    const note = unsureNameNote(aCompleteApplication(), document);

    // Assess
    expect(note).toBeUndefined();
  });

  it('says nothing, and does not fail the page, under a policy Doorstep no longer has', () => {
    // Prepare
    const application = { ...aCompleteApplication(), policyId: 'retired-policy' };

    // Act
    const note = unsureNameNote(application, aReadPassport(values, 0.56));

    // Assess
    expect(note).toBeUndefined();
  });
});
