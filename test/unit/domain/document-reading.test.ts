import {
  extractFields,
  normaliseDriverNumber,
  notThisKind,
  type OcrLine,
} from '../../../shared/domain/document-reading';
import { DOCUMENT_CATALOGUE, FORMS_KINDS, type FormsKind } from '../../../shared/domain/documents';

/**
 * A line as OCR gives it: words at 0.95 unless a word says otherwise ("£1,8l4.45@0.41" is read at 0.41).
 */
function line(text: string): OcrLine {
  const words = text.split(/\s+/).map((word) => {
    const [read, confidence] = word.split('@');
    return { text: read ?? '', confidence: confidence === undefined ? 0.95 : Number(confidence) };
  });
  return { text: words.map((word) => word.text).join(' '), confidence: 0.9, words };
}

const values = (kind: FormsKind, texts: readonly string[]) =>
  Object.fromEntries(
    Object.entries(extractFields(kind, texts.map(line))).map(([name, read]) => [name, read.value]),
  );

describe('the kinds read as forms', () => {
  it("are exactly the catalogue's kinds read by forms and queries", () => {
    // Prepare
    const catalogued = Object.entries(DOCUMENT_CATALOGUE)
      .filter(([, type]) => type.reading === 'forms')
      .map(([kind]) => kind)
      .sort();

    // Act
    const listed = [...FORMS_KINDS].sort();

    // Assess
    expect(listed).toEqual(catalogued);
  });
});

/** Each row: what it exercises, the kind, the OCR lines in reading order, the fields expected (and no others). */
type Row = [string, FormsKind, readonly string[], Record<string, string>];

describe('extractFields', () => {
  const rows: Row[] = [
    [
      'a clean payslip, labels and values on one line each',
      'payslip',
      [
        'Cardiff Bay Logistics Ltd',
        'Payslip',
        'Employer Cardiff Bay Logistics Ltd',
        'Employee Gareth Pritchard',
        'Employee number 004417',
        'Pay date 31/10/2026',
        'Pay period Monthly',
        'Gross pay £2,145.00',
        'Income tax £180.40',
        'Net pay £1,814.45',
      ],
      {
        employerName: 'Cardiff Bay Logistics Ltd',
        employeeName: 'Gareth Pritchard',
        payDate: '2026-10-31',
        payPeriod: 'monthly',
        grossPay: '214500',
        netPay: '181445',
      },
    ],
    [
      'O/0 and l/1 in values, a colon and stray spaces after labels',
      'payslip',
      ['Pay date : 3l/1O/2O26', 'Net  pay:  £l,8l4.45', 'Gross pay | £2,l45.OO'],
      { payDate: '2026-10-31', netPay: '181445', grossPay: '214500' },
    ],
    [
      '"Employee number" is not the employee, and a misread "Employet" is found without taking "Employer"',
      'payslip',
      ['Employer Cardiff Bay Logistics Ltd', 'Employee number 004417', 'Employet Gareth Pritchard'],
      { employerName: 'Cardiff Bay Logistics Ltd', employeeName: 'Gareth Pritchard' },
    ],
    [
      'a label printed above its value',
      'payslip',
      ['Net pay', '£371.22', 'Pay date', '6 Nov 2026'],
      { netPay: '37122', payDate: '2026-11-06' },
    ],
    [
      'a bank statement: the address runs down to its postcode, the period splits in two',
      'bank-statement',
      [
        'Account holder Mr Gareth Pritchard',
        'Address 12 Heol y Felin',
        'Cardiff',
        'CF14 3AB',
        'Sort code 40-17-22',
        'Statement period 1 October 2026 to 31 October 2026',
        'Money in £1,914.45',
        'Money out £1,702.33',
        'Closing balance £624.28',
      ],
      {
        accountHolder: 'Mr Gareth Pritchard',
        address: '12 Heol y Felin, Cardiff, CF14 3AB',
        postcode: 'CF14 3AB',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        moneyIn: '191445',
        closingBalance: '62428',
      },
    ],
    [
      'a misread label ("Statement penod") and a cut-off one ("Addre"); "Money" alone is not "Money in"',
      'bank-statement',
      [
        'Addre 12 Heol y Felin',
        'Cardiff',
        'CF14 3AB',
        'Statement penod 1 October 2026 to 31 October 2026',
        'Money out £1,702.33',
      ],
      {
        address: '12 Heol y Felin, Cardiff, CF14 3AB',
        postcode: 'CF14 3AB',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      },
    ],
    [
      'an address without a postcode keeps only its own line, and stops at the next label',
      'bank-statement',
      ['Address Flat 4, 27 Roundhay Road', 'Statement period 07/10/2026 to 06/11/2026'],
      { address: 'Flat 4, 27 Roundhay Road', periodStart: '2026-10-07', periodEnd: '2026-11-06' },
    ],
    [
      'a statement over two pages: the closing balance after the transactions',
      'bank-statement',
      [
        'Pennine Bank - page 1 of 2',
        'Money in £1,650.88',
        'Pennine Bank - page 2 of 2',
        '23/10 Northside Care Homes £371.22',
        'Closing balance £203.57',
      ],
      { moneyIn: '165088', closingBalance: '20357' },
    ],
    [
      'a Universal Credit statement: the assessment period and the housing element',
      'universal-credit-statement',
      [
        'Claimant name Zofia Wisniewska',
        'Assessment period 2 October 2026 to 1 November 2026',
        'Standard allowance £400.14',
        'Housing element £618.75',
        'Total payment £663.58',
      ],
      {
        claimantName: 'Zofia Wisniewska',
        assessmentPeriodStart: '2026-10-02',
        assessmentPeriodEnd: '2026-11-01',
        housingElement: '61875',
        totalPayment: '66358',
      },
    ],
    [
      'an award letter: a label at the line start wins over the same word inside another line',
      'benefit-letter',
      [
        'Child Benefit Office, Washington, Newcastle upon Tyne NE88 1AA',
        'Date 14/10/2026',
        'Name Ms Zofia Wisniewska',
        'Address Flat 4, 27 Roundhay Road',
        'Leeds',
        'LS8 5A)',
        'Benefit Child Benefit',
        'Amount £26.05',
        'How often Every 4 woeks',
      ],
      {
        letterDate: '2026-10-14',
        claimantName: 'Ms Zofia Wisniewska',
        address: 'Flat 4, 27 Roundhay Road, Leeds, LS8 5AJ',
        postcode: 'LS8 5AJ',
        benefit: 'Child Benefit',
        amount: '2605',
        frequency: 'four-weekly',
      },
    ],
    [
      'a utility bill: the billing address and the supplier',
      'utility-bill',
      [
        'Afon Energy',
        'Account holder Mr G Pritchard',
        'Billing address 12 Heol y Felin',
        'Cardiff CF14 3AB',
        'Bill date 28 Oct 2026',
        'Your supplier Afon Energy Ltd',
      ],
      {
        accountHolder: 'Mr G Pritchard',
        address: '12 Heol y Felin, Cardiff, CF14 3AB',
        postcode: 'CF14 3AB',
        billDate: '2026-10-28',
        supplier: 'Afon Energy Ltd',
      },
    ],
    [
      'a council-tax bill: the billing authority and the date of issue',
      'council-tax-bill',
      [
        'Council Tax bill 2026/27',
        'Billing authority Cardiff Council',
        'Date of issue 9 March 2026',
        'Account holder Gareth Pritchard',
        'Property address 12 Heol y Felin',
        'Cardiff',
        'CFl4 3AB',
        'Valuation band C',
      ],
      {
        council: 'Cardiff Council',
        billDate: '2026-03-09',
        accountHolder: 'Gareth Pritchard',
        address: '12 Heol y Felin, Cardiff, CF14 3AB',
        postcode: 'CF14 3AB',
      },
    ],
    [
      "a photocard licence's numbered fields, a speck before one number and a bracket for J",
      'driving-licence',
      [
        'UK DRIVING LICENCE',
        '1. PRITCHARD',
        '2. GARETH',
        's 3. 02.07.1988 UNITED KINGDOM',
        '4a. 14.03.2023 4c. DVLA',
        '- 4b. 13,03.2033',
        '5. PRITCB07028G99H) 12',
        '8. 12 HEOL Y FELIN, CARDIFF,',
        'CF14 3AB',
        '9. AM/A/B1/B/f/k/l/n/p/q',
      ],
      {
        surname: 'PRITCHARD',
        givenNames: 'GARETH',
        dateOfBirth: '1988-07-02',
        expiryDate: '2033-03-13',
        documentNumber: 'PRITC807028G99HJ',
        address: '12 HEOL Y FELIN, CARDIFF, CF14 3AB',
        postcode: 'CF14 3AB',
      },
    ],
    [
      '"ri" read as n in a label ("Pay penod"), and a long label after a speck read as letters',
      'payslip',
      ['Pay penod Weekly (week 32)', 'B g Employee name: Zofia Wisniewska'],
      { payPeriod: 'weekly', employeeName: 'Zofia Wisniewska' },
    ],
    [
      'a misread long label after specks ("8 3 suthority"), and "Property aodress"',
      'council-tax-bill',
      ['8 3 suthority Leeds City Council', 'Property aodress Flat 4, 27 Roundhay Road', 'Leeds', 'LS8 5A)'],
      {
        council: 'Leeds City Council',
        address: 'Flat 4, 27 Roundhay Road, Leeds, LS8 5AJ',
        postcode: 'LS8 5AJ',
      },
    ],
    [
      'a page with no labels of the kind gives no fields',
      'payslip',
      ['Dear Mr Pritchard,', 'Thank you for your order.'],
      {},
    ],
  ];

  it.each(rows)('%s', (_what, kind, texts, expected) => {
    expect(values(kind, texts)).toEqual(expected);
  });

  it("gives a value the lowest confidence of the words it was read from, not the label's", () => {
    // Prepare
    const lines = [line('Net@0.3 pay@0.3 £1,8l4.45@0.62'), line('Employee Gareth@0.97 Pritchard@0.71')];

    // Act
    const fields = extractFields('payslip', lines);

    // Assess
    expect(fields.netPay).toEqual({ value: '181445', confidence: 0.62 });
    expect(fields.employeeName).toEqual({ value: 'Gareth Pritchard', confidence: 0.71 });
  });

  it('halves the confidence of an address whose postcode could not be read, as likely cut short', () => {
    const fields = extractFields('utility-bill', [
      line('Billing address 12 Heol y Felin'),
      line('Cardiff'),
      line('CF14 JAB'),
    ]);

    expect(fields.address).toEqual({ value: '12 Heol y Felin', confidence: 0.475 });
  });

  it('gives an address the lowest confidence over all its lines', () => {
    const fields = extractFields('bank-statement', [
      line('Address 12 Heol y Felin'),
      line('Cardiff@0.55'),
      line('CF14 3AB'),
    ]);

    expect(fields.address?.confidence).toBe(0.55);
  });

  it.each([
    [
      'the surname',
      ['1. PRICHARD', '3. 02.07.1988', '5. PRITC807028G99HJ 12'],
      ['surname', 'documentNumber'],
    ],
    [
      'the date of birth',
      ['1. PRITCHARD', '3. 02.07.1986', '5. PRITC807028G99HJ 12'],
      ['dateOfBirth', 'documentNumber'],
    ],
  ])('halves the confidence of a licence whose driver number disagrees with %s', (_what, texts, lowered) => {
    // Act
    const fields = extractFields('driving-licence', texts.map(line));

    // Assess
    for (const [name, read] of Object.entries(fields))
      expect(read.confidence).toBe(lowered.includes(name) ? 0.475 : 0.95);
  });

  it("accepts a woman's driver number, her birth month plus 50", () => {
    const fields = extractFields(
      'driving-licence',
      ['1. WISNIEWSKA', '3. 23.11.1993 POLAND', '5. WISNI961233Z99KT 03'].map(line),
    );

    expect(Object.values(fields).map((read) => read.confidence)).toEqual([0.95, 0.95, 0.95]);
  });
});

describe('normaliseDriverNumber', () => {
  it.each([
    ['a clean number, the issue number after it dropped', 'PRITC807028G99HJ 12', 'PRITC807028G99HJ'],
    ['B read for 8 and O for 0 where digits stand', 'PRITCBO7028G99HJ', 'PRITC807028G99HJ'],
    ['0 read for O where the surname stands', 'W0OD9801010A99AB', 'WOOD9801010A99AB'],
    ['a stray space inside', 'WISNI 961233Z99KT', 'WISNI961233Z99KT'],
    ['too short', 'PRITC8070', undefined],
  ])('%s: %j', (_what, text, expected) => {
    expect(normaliseDriverNumber(text)).toBe(expected);
  });
});

describe('notThisKind', () => {
  it.each([
    ['payslip', 'This does not look like a payslip:'],
    ['driving-licence', 'This does not look like a UK photocard driving licence:'],
    ['universal-credit-statement', 'This does not look like a Universal Credit statement:'],
    ['council-tax-bill', 'This does not look like a Council Tax bill:'],
  ] as const)('names a %s as people write it', (kind, start) => {
    expect(notThisKind(kind)).toMatch(new RegExp(`^${start}`));
  });
});
