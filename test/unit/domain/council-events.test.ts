import {
  checkWebhookUrl,
  councilEventFor,
  EventId,
  MAX_DELIVERY_ATTEMPTS,
  newEventId,
  nextAttemptAt,
} from '../../../shared/domain/council-events';
import { csvCell, csvHeader, csvRow } from '../../../shared/domain/council-exports';
import { Stage } from '../../../shared/domain/stage';

describe('council events', () => {
  it('makes a council event of a stage decision with its stage and outcome, and nothing else of the audit', () => {
    const event = councilEventFor({
      type: 'decision',
      stage: Stage.Qualification,
      facts: { outcome: 'qualifies', rules: 'residence income-cap' },
    });

    expect(event).toEqual({
      type: 'nomination.stage_changed',
      data: { stage: Stage.Qualification, status: 'decided', outcome: 'qualifies' },
    });
  });

  it('makes one of each stage change a council follows, and none of the bookkeeping', () => {
    expect(councilEventFor({ type: 'let', stage: Stage.Let, facts: { propertyId: 'prop_1' } })).toEqual({
      type: 'nomination.stage_changed',
      data: { stage: Stage.Let, status: 'housed' },
    });
    expect(councilEventFor({ type: 'offer-lapsed', stage: Stage.ApplicantResponse })?.data.status).toBe(
      'offer_lapsed',
    );
    expect(councilEventFor({ type: 'withdrawn', stage: Stage.Documents })?.data.status).toBe('withdrawn');
    expect(councilEventFor({ type: 'message-withheld' })).toBeUndefined();
    expect(councilEventFor({ type: 'document-declared', stage: Stage.Documents })).toBeUndefined();
  });

  it('makes the nomination’s own changes status events, with the landlord’s outcome but not its grounds or officer', () => {
    expect(
      councilEventFor({
        type: 'nomination-decided',
        facts: {
          nominationId: 'nom_1',
          officerId: 'off_1',
          outcome: 'refused',
          late: false,
          grounds: 'arrears',
        },
      }),
    ).toEqual({ type: 'nomination.status_changed', data: { status: 'decided', outcome: 'refused' } });
    expect(councilEventFor({ type: 'nominated', facts: { councilId: 'leeds', members: 3 } })).toEqual({
      type: 'nomination.status_changed',
      data: { status: 'received' },
    });
    expect(councilEventFor({ type: 'nomination-withdrawn' })?.data.status).toBe('withdrawn');
  });

  it('gives ids that sort in the order events happened, even within one millisecond', () => {
    const at = new Date('2026-11-02T09:30:00.000Z');
    const ids = [
      newEventId(at, 'f'.repeat(16)),
      newEventId(at, '0'.repeat(16)),
      newEventId(new Date(at.getTime() + 1), '0'.repeat(16)),
    ];

    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(EventId.safeParse(id).success).toBe(true);
  });

  it('retries after about 1, 5, 15 and 40 minutes, about an hour in all, then stops', () => {
    const failedAt = new Date('2026-11-02T09:30:00Z');
    const waits = [1, 2, 3, 4].map(
      (attempt) => (nextAttemptAt(attempt, failedAt, 0.5)?.getTime() ?? 0) - failedAt.getTime(),
    );

    expect(waits.map((ms) => ms / 60_000)).toEqual([1, 5, 15, 40]);
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, failedAt, 0.5)).toBeUndefined();
    expect(MAX_DELIVERY_ATTEMPTS).toBe(5);
  });

  it('spreads retries by up to a fifth either way (jitter)', () => {
    const failedAt = new Date('2026-11-02T09:30:00Z');
    const wait = (random: number) =>
      ((nextAttemptAt(2, failedAt, random)?.getTime() ?? 0) - failedAt.getTime()) / 1000;

    expect(wait(0)).toBe(240);
    expect(wait(0.999999)).toBeCloseTo(360, 0);
  });

  it('accepts https endpoints, and plain http only to loopback and only locally', () => {
    expect(checkWebhookUrl('https://council.example/hooks', false)).toEqual({
      ok: true,
      url: 'https://council.example/hooks',
    });
    expect(checkWebhookUrl('http://127.0.0.1:4000/hooks', true).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:4000/hooks', false)).toEqual({
      ok: false,
      reason: 'url must not point at this machine',
    });
    expect(checkWebhookUrl('http://council.example/hooks', false)).toEqual({
      ok: false,
      reason: 'url must use https',
    });
    expect(checkWebhookUrl('https://user:pw@council.example/', false).ok).toBe(false);
    expect(checkWebhookUrl('ftp://council.example/', true).ok).toBe(false);
    expect(checkWebhookUrl('not a url', true).ok).toBe(false);
  });
});

describe('export CSV', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell('+44')).toBe("'+44");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('LEEDS/2026/1')).toBe('LEEDS/2026/1');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a header and one line per nomination in the same columns', () => {
    const header = csvHeader();
    const line = csvRow({
      councilReference: 'HOM/1',
      nominationId: 'nom_1',
      landlordId: 'riverside',
      nominatedOn: '2026-11-01',
      decisionDueBy: '2026-11-15',
      status: 'housed',
      decision: 'accepted',
      decidedOn: '2026-11-03',
      decidedLate: 'no',
      outcome: 'housed',
      bedrooms: '2',
    });

    expect(header).toBe(
      'council_reference,nomination_id,landlord,nominated_on,decision_due_by,status,decision,decided_on,decided_late,outcome,bedrooms\r\n',
    );
    expect(line).toBe(
      'HOM/1,nom_1,riverside,2026-11-01,2026-11-15,housed,accepted,2026-11-03,no,housed,2\r\n',
    );
  });
});
