/**
 * The Welsh catalogue: English text (the key, exactly as the code or a template writes it) to Welsh, in plain,
 * everyday Welsh (Cymraeg clir). `{placeholders}` stand for values the code puts in (see index.ts).
 *
 * Not yet checked by a qualified translator: it must be before Doorstep goes live in Wales (Welsh Language
 * Standards; README "Welsh and English").
 */
export const WELSH: Readonly<Record<string, string>> = {
  // GOV.UK Frontend's own texts, and the layout on every page.
  'There is a problem': 'Mae problem',
  Back: 'Yn ôl',
  Continue: 'Parhau',
  Change: 'Newid',
  Error: 'Gwall',
  Day: 'Diwrnod',
  Month: 'Mis',
  Year: 'Blwyddyn',
  or: 'neu',
  Menu: 'Dewislen',
  'Skip to main content': 'Neidio i’r prif gynnwys',
  'Language switcher': 'Newid iaith',
  // The quick exit (GOV.UK Frontend's "Exit this page"), on every applicant page, and safe contact's links.
  Emergency: 'Argyfwng',
  'Exit this page': 'Gadael y dudalen hon',
  'Loading.': 'Yn llwytho.',
  'Exit this page expired.': 'Mae ‘Gadael y dudalen hon’ wedi dod i ben.',
  'Shift, press 2 more times to exit.': 'Shift, pwyswch 2 waith eto i adael.',
  'Shift, press 1 more time to exit.': 'Shift, pwyswch 1 waith eto i adael.',
  'Your safety and your application': 'Eich diogelwch a’ch cais',
  'Tell us how to contact you safely': 'Dywedwch wrthym sut i gysylltu â chi’n ddiogel',
  'Withdraw your application': 'Tynnu eich cais yn ôl',
  'Your information': 'Eich gwybodaeth',
  'See what we hold about you': 'Gweld pa wybodaeth sydd gennym amdanoch chi',
  'Choose what else we may do with your information': 'Dewis beth arall y cawn ei wneud â’ch gwybodaeth',
  'How we use your information': 'Sut rydym yn defnyddio eich gwybodaeth',
  'Is it safe for us to email, text or write to you?':
    'A yw’n ddiogel i ni anfon e-bost, neges destun neu lythyr atoch chi?',
  'Service information': 'Gwybodaeth am y gwasanaeth',
  'Help and your data': 'Help a’ch data',
  'Lettings officers': 'Swyddogion gosod',
  'Support links': 'Dolenni cymorth',
  'Doorstep is run by your landlord or council to let social homes.':
    'Eich landlord neu’ch cyngor sy’n rhedeg Doorstep, i osod cartrefi cymdeithasol.',
  'Error:': 'Gwall:',
  'Save and come back later': 'Cadw a dod yn ôl nes ymlaen',
  'Save and continue': 'Cadw a pharhau',
  'Add to your household': 'Ychwanegu at eich aelwyd',

  // The pieces of messages the conversation builds (index.ts translates these placeholders' values).
  day: 'diwrnod',
  month: 'mis',
  year: 'blwyddyn',
  'day and month': 'diwrnod a mis',
  'day and year': 'diwrnod a blwyddyn',
  'month and year': 'mis a blwyddyn',

  // The conversation (shared/domain/conversation.ts): questions, hints, labels, options and error messages.
  'What is your name?': 'Beth yw eich enw?',
  'First name': 'Enw cyntaf',
  'Last name': 'Cyfenw',
  'Enter your first name': 'Rhowch eich enw cyntaf',
  'Enter your last name': 'Rhowch eich cyfenw',
  'First name must be 100 characters or fewer': 'Rhaid i’r enw cyntaf fod yn 100 nod neu lai',
  'Last name must be 100 characters or fewer': 'Rhaid i’r cyfenw fod yn 100 nod neu lai',
  'What is your date of birth?': 'Beth yw eich dyddiad geni?',
  'For example, {date}': 'Er enghraifft, {date}',
  'Enter your date of birth': 'Rhowch eich dyddiad geni',
  'Your date of birth must include a {missing}': 'Rhaid i’ch dyddiad geni gynnwys {missing}',
  'Your date of birth must be a real date, like 27 3 1990':
    'Rhaid i’ch dyddiad geni fod yn ddyddiad go iawn, fel 27 3 1990',
  'Your date of birth must be a real date': 'Rhaid i’ch dyddiad geni fod yn ddyddiad go iawn',
  'Your date of birth must be after {year}': 'Rhaid i’ch dyddiad geni fod ar ôl {year}',
  'Your date of birth must be in the past': 'Rhaid i’ch dyddiad geni fod yn y gorffennol',
  'What is your sex?': 'Beth yw eich rhyw?',
  'We use this only to work out how many bedrooms your household needs, under the bedroom rules.':
    'Dim ond i weithio allan faint o ystafelloedd gwely sydd eu hangen ar eich aelwyd y byddwn yn defnyddio hyn, o dan y rheolau ystafelloedd gwely.',
  Female: 'Benyw',
  Male: 'Gwryw',
  'Select your sex': 'Dewiswch eich rhyw',
  'How can we contact you?': 'Sut gallwn ni gysylltu â chi?',
  'We send you updates about your application and any offer of a home.':
    'Byddwn yn anfon newyddion atoch am eich cais ac am unrhyw gynnig o gartref.',
  'Email address': 'Cyfeiriad e-bost',
  'UK mobile or phone number (optional)': 'Rhif ffôn symudol neu rif ffôn yn y DU (dewisol)',
  'For text messages about viewings and offers': 'Ar gyfer negeseuon testun am weld cartrefi ac am gynigion',
  'Enter your email address': 'Rhowch eich cyfeiriad e-bost',
  'Enter an email address in the right format, like name@example.com':
    'Rhowch gyfeiriad e-bost yn y ffurf gywir, fel enw@enghraifft.com',
  'Enter a phone number, like 07700 900 982 or +44 7700 900 982':
    'Rhowch rif ffôn, fel 07700 900 982 neu +44 7700 900 982',
  'What is your immigration status?': 'Beth yw eich statws mewnfudo?',
  'This decides whether you can apply for a home (Housing Act 1996, section 160ZA in England, 160A in Wales).':
    'Mae hyn yn penderfynu a allwch wneud cais am gartref (Deddf Tai 1996, adran 160ZA yn Lloegr, 160A yng Nghymru).',
  'British or Irish citizen': 'Dinesydd Prydeinig neu Wyddelig',
  'EU Settlement Scheme: settled status': 'Cynllun Preswylio’n Sefydlog yr UE: statws preswylydd sefydlog',
  'EU Settlement Scheme: pre-settled status': 'Cynllun Preswylio’n Sefydlog yr UE: statws cyn-sefydlog',
  'Indefinite leave to remain': 'Caniatâd amhenodol i aros',
  'Refugee status or humanitarian protection': 'Statws ffoadur neu amddiffyniad dyngarol',
  'Another kind of permission with a time limit': 'Math arall o ganiatâd sydd â therfyn amser',
  'For example, a work or study visa': 'Er enghraifft, fisa gwaith neu astudio',
  'No permission to stay at the moment': 'Dim caniatâd i aros ar hyn o bryd',
  'I am not sure': 'Dydw i ddim yn siŵr',
  'An officer will help you work it out': 'Bydd swyddog yn eich helpu i weithio hyn allan',
  'Select your immigration status': 'Dewiswch eich statws mewnfudo',
  'How can you prove your immigration status?': 'Sut gallwch chi brofi eich statws mewnfudo?',
  'An officer checks your share code on the Home Office’s service before your application is decided.':
    'Bydd swyddog yn gwirio eich cod rhannu ar wasanaeth y Swyddfa Gartref cyn i ni benderfynu ar eich cais.',
  'What can you give us?': 'Beth allwch chi ei roi i ni?',
  'A share code from the Home Office’s ‘view and prove your immigration status’ service':
    'Cod rhannu o wasanaeth ‘gweld a phrofi eich statws mewnfudo’ y Swyddfa Gartref',
  'Get one on GOV.UK: search for ‘prove your immigration status’':
    'Cewch un ar GOV.UK: chwiliwch am ‘prove your immigration status’',
  'A biometric residence permit (BRP)': 'Trwydded breswylio fiometrig (BRP)',
  'I do not have a share code': 'Does gen i ddim cod rhannu',
  'An officer will help you get one': 'Bydd swyddog yn eich helpu i gael un',
  'Share code': 'Cod rhannu',
  'If you have one: 9 letters and numbers, like W12 3AB C45':
    'Os oes gennych un: 9 llythyren a rhif, fel W12 3AB C45',
  'Your date of birth': 'Eich dyddiad geni',
  'The service asks it with the share code. For example, 27 3 1990':
    'Mae’r gwasanaeth yn gofyn amdano gyda’r cod rhannu. Er enghraifft, 27 3 1990',
  'Select how you can prove your immigration status': 'Dewiswch sut gallwch brofi eich statws mewnfudo',
  'Enter your share code': 'Rhowch eich cod rhannu',
  'A share code is 9 letters and numbers, like W12 3AB C45':
    'Mae cod rhannu yn 9 llythyren a rhif, fel W12 3AB C45',
  "Biometric residence permits stopped being proof of status at the end of 2024. Give us a share code from the Home Office's 'view and prove your immigration status' service instead.":
    'Daeth trwyddedau preswylio biometrig i ben fel prawf o statws ar ddiwedd 2024. Rhowch god rhannu i ni o wasanaeth ‘gweld a phrofi eich statws mewnfudo’ y Swyddfa Gartref yn lle hynny.',
  'Who will live with you?': 'Pwy fydd yn byw gyda chi?',
  'Add everyone who will move in with you, including children and a baby you are expecting.':
    'Ychwanegwch bawb a fydd yn symud i mewn gyda chi, gan gynnwys plant a babi rydych chi’n ei ddisgwyl.',
  'Select which of these apply to you, or ‘None of these’':
    'Dewiswch pa rai o’r rhain sy’n wir amdanoch chi, neu ‘Dim un o’r rhain’',
  'Select which of these apply to {name}, or ‘None of these’':
    'Dewiswch pa rai o’r rhain sy’n wir am {name}, neu ‘Dim un o’r rhain’',
  'How long have you lived in the area?': 'Ers faint rydych chi wedi byw yn yr ardal?',
  'How many whole years have you lived in the area?': 'Sawl blwyddyn gyfan rydych chi wedi byw yn yr ardal?',
  'Enter 0 if you do not live here yet': 'Rhowch 0 os nad ydych chi’n byw yma eto',
  'Do you have other links to the area?': 'Oes gennych chi gysylltiadau eraill â’r ardal?',
  'Select all that apply. Some councils count these instead of the years you have lived here.':
    'Dewiswch bob un sy’n wir. Mae rhai cynghorau yn cyfrif y rhain yn lle’r blynyddoedd rydych chi wedi byw yma.',
  'I work in the area': 'Rwy’n gweithio yn yr ardal',
  'A close relative has lived here for 5 years or more':
    'Mae perthynas agos wedi byw yma ers 5 mlynedd neu fwy',
  'Your parent, adult child, brother or sister':
    'Eich rhiant, eich plentyn sy’n oedolyn, eich brawd neu’ch chwaer',
  'Do any of these apply to you?': 'Ydy unrhyw un o’r rhain yn wir amdanoch chi?',
  'Select all that apply. The rules about how long you have lived here do not apply to these.':
    'Dewiswch bob un sy’n wir. Dydy’r rheolau am ba mor hir rydych chi wedi byw yma ddim yn berthnasol i’r rhain.',
  'I serve, or have served, in the armed forces':
    'Rwy’n gwasanaethu, neu wedi gwasanaethu, yn y lluoedd arfog',
  'I am leaving my home because of domestic abuse': 'Rwy’n gadael fy nghartref oherwydd cam-drin domestig',
  'I grew up in care': 'Cefais fy magu mewn gofal',
  'I need to move here for work (Right to Move)': 'Mae angen i mi symud yma am waith (Hawl i Symud)',
  'Enter how many years you have lived in the area': 'Rhowch sawl blwyddyn rydych chi wedi byw yn yr ardal',
  'Enter a whole number of years, like 3': 'Rhowch nifer cyfan o flynyddoedd, fel 3',
  'What is your household’s income?': 'Beth yw incwm eich aelwyd?',
  'Add up everyone who will live with you. Use amounts after tax, for a month.':
    'Adiwch incwm pawb a fydd yn byw gyda chi. Defnyddiwch symiau ar ôl treth, am fis.',
  'Earnings each month, after tax': 'Enillion bob mis, ar ôl treth',
  'Benefits and pensions each month': 'Budd-daliadau a phensiynau bob mis',
  'Including Universal Credit, but not help with your rent':
    'Gan gynnwys Credyd Cynhwysol, ond nid help gyda’ch rhent',
  'Savings and other money you have now': 'Cynilion ac arian arall sydd gennych chi nawr',
  'Do you get help with your rent, or would you claim it?':
    'Ydych chi’n cael help gyda’ch rhent, neu a fyddech chi’n ei hawlio?',
  'We use this to work out whether a home is affordable for you.':
    'Rydyn ni’n defnyddio hyn i weithio allan a allwch chi fforddio cartref.',
  'Yes, the housing part of Universal Credit': 'Ydw, yr elfen dai o’r Credyd Cynhwysol',
  'Yes, Housing Benefit': 'Ydw, Budd-dal Tai',
  'Most people who get it have reached State Pension age':
    'Mae’r rhan fwyaf o bobl sy’n ei gael wedi cyrraedd oedran Pensiwn y Wladwriaeth',
  No: 'Na',
  Yes: 'Ie',
  'your household’s earnings': 'enillion eich aelwyd',
  'Enter your household’s earnings, or 0 if there is none':
    'Rhowch enillion eich aelwyd, neu 0 os nad oes dim',
  'Enter your household’s benefits and pensions, or 0 if there is none':
    'Rhowch fudd-daliadau a phensiynau eich aelwyd, neu 0 os nad oes dim',
  'Enter your household’s savings, or 0 if there is none':
    'Rhowch gynilion eich aelwyd, neu 0 os nad oes dim',
  'Enter your household’s earnings in pounds, like 1250 or 1250.50':
    'Rhowch enillion eich aelwyd mewn punnoedd, fel 1250 neu 1250.50',
  'Enter your household’s benefits and pensions in pounds, like 1250 or 1250.50':
    'Rhowch fudd-daliadau a phensiynau eich aelwyd mewn punnoedd, fel 1250 neu 1250.50',
  'Enter your household’s savings in pounds, like 1250 or 1250.50':
    'Rhowch gynilion eich aelwyd mewn punnoedd, fel 1250 neu 1250.50',
  'Your household’s earnings must be £1,000,000 a month or less':
    'Rhaid i enillion eich aelwyd fod yn £1,000,000 y mis neu lai',
  'Your household’s benefits and pensions must be £1,000,000 a month or less':
    'Rhaid i fudd-daliadau a phensiynau eich aelwyd fod yn £1,000,000 y mis neu lai',
  'Your household’s savings must be £10,000,000 or less':
    'Rhaid i gynilion eich aelwyd fod yn £10,000,000 neu lai',
  'Select whether you get help with your rent': 'Dewiswch a ydych chi’n cael help gyda’ch rhent',
  'Where do you live now?': 'Ble rydych chi’n byw nawr?',
  'How do you live there?': 'Sut rydych chi’n byw yno?',
  'I rent from a private landlord': 'Rwy’n rhentu gan landlord preifat',
  'I rent from a council or housing association': 'Rwy’n rhentu gan gyngor neu gymdeithas dai',
  'I live with family or friends': 'Rwy’n byw gyda theulu neu ffrindiau',
  'I own my home': 'Fi sy’n berchen ar fy nghartref',
  'I am in temporary accommodation': 'Rwy’n byw mewn llety dros dro',
  'I have nowhere to live': 'Does gen i unman i fyw',
  Address: 'Cyfeiriad',
  'House number or name, and street. Leave it empty if you have nowhere to live.':
    'Rhif neu enw’r tŷ, a’r stryd. Gadewch hwn yn wag os nad oes gennych unman i fyw.',
  Postcode: 'Cod post',
  'How many bedrooms does it have?': 'Sawl ystafell wely sydd ganddo?',
  'Enter 0 for a studio or if you have no home': 'Rhowch 0 am fflat stiwdio neu os nad oes gennych gartref',
  'Select how you live there': 'Dewiswch sut rydych chi’n byw yno',
  'Enter your address': 'Rhowch eich cyfeiriad',
  'The address must be 200 characters or fewer': 'Rhaid i’r cyfeiriad fod yn 200 nod neu lai',
  'Enter your postcode': 'Rhowch eich cod post',
  'Enter a full UK postcode, like RV1 4AB': 'Rhowch god post llawn yn y DU, fel RV1 4AB',
  'Enter how many bedrooms your home has, as a number':
    'Rhowch sawl ystafell wely sydd yn eich cartref, fel rhif',
  'Enter a whole number of bedrooms': 'Rhowch nifer cyfan o ystafelloedd gwely',
  'Enter 0 or more bedrooms': 'Rhowch 0 neu fwy o ystafelloedd gwely',
  'Enter 10 bedrooms or fewer': 'Rhowch 10 ystafell wely neu lai',
  'Do you, or anyone who will live with you, own a home?':
    'Ydych chi, neu unrhyw un a fydd yn byw gyda chi, yn berchen ar gartref?',
  'Or part of a home, in the UK or abroad, including one you are buying with a mortgage.':
    'Neu ran o gartref, yn y DU neu dramor, gan gynnwys un rydych chi’n ei brynu gyda morgais.',
  'Select yes if you or anyone who will live with you owns a home':
    'Dewiswch ‘Ie’ os ydych chi neu unrhyw un a fydd yn byw gyda chi yn berchen ar gartref',
  'Do you owe rent to a landlord you used to rent from?':
    'Oes arnoch chi rent i landlord roeddech chi’n arfer rhentu ganddo?',
  'A council, a housing association or a private landlord. Not rent for the home you live in now.':
    'Cyngor, cymdeithas dai neu landlord preifat. Nid rhent am y cartref rydych chi’n byw ynddo nawr.',
  'Select yes if you owe rent to a former landlord': 'Dewiswch ‘Ie’ os oes arnoch chi rent i hen landlord',
  'The rent you owe a former landlord': 'Y rhent sydd arnoch chi i hen landlord',
  'How much do you owe?': 'Faint sydd arnoch chi?',
  'Add up what you owe to every landlord you used to rent from':
    'Adiwch beth sydd arnoch chi i bob landlord roeddech chi’n arfer rhentu ganddo',
  'Are you keeping to a plan to pay it back?': 'Ydych chi’n cadw at gynllun i’w dalu’n ôl?',
  'An agreement with the landlord to pay an amount each week or month':
    'Cytundeb gyda’r landlord i dalu swm bob wythnos neu bob mis',
  'Enter how much you owe, or 0 if there is none': 'Rhowch faint sydd arnoch chi, neu 0 os nad oes dim',
  'Enter how much you owe in pounds, like 1250 or 1250.50':
    'Rhowch faint sydd arnoch chi mewn punnoedd, fel 1250 neu 1250.50',
  'How much you owe must be £1,000,000 or less': 'Rhaid i’r swm sydd arnoch chi fod yn £1,000,000 neu lai',
  'Enter how much you owe: if you owe nothing, go back and answer no':
    'Rhowch faint sydd arnoch chi: os nad oes dim arnoch chi, ewch yn ôl ac atebwch ‘Na’',
  'Select yes if you are keeping to a plan to pay it back':
    'Dewiswch ‘Ie’ os ydych chi’n cadw at gynllun i’w dalu’n ôl',
  'Has a court found you, or anyone who will live with you, responsible for serious anti-social behaviour?':
    'Ydy llys wedi penderfynu mai chi, neu unrhyw un a fydd yn byw gyda chi, sy’n gyfrifol am ymddygiad gwrthgymdeithasol difrifol?',
  'For example, a possession order or an injunction because of how someone behaved. An officer looks at what happened and when: it does not always stop you joining the register.':
    'Er enghraifft, gorchymyn meddiannu neu waharddeb oherwydd sut roedd rhywun yn ymddwyn. Bydd swyddog yn edrych ar beth ddigwyddodd a phryd: dydy hyn ddim bob amser yn eich atal rhag ymuno â’r gofrestr.',
  'Select yes if a court has found anyone responsible for serious anti-social behaviour':
    'Dewiswch ‘Ie’ os yw llys wedi penderfynu bod unrhyw un yn gyfrifol am ymddygiad gwrthgymdeithasol difrifol',
  'Has a council told you it has a duty to help you because you are homeless?':
    'Ydy cyngor wedi dweud wrthych fod ganddo ddyletswydd i’ch helpu am eich bod yn ddigartref?',
  'Or because you are about to be. The council’s housing options or homelessness team tells you in a letter.':
    'Neu am eich bod ar fin bod yn ddigartref. Mae tîm opsiynau tai neu dîm digartrefedd y cyngor yn dweud wrthych mewn llythyr.',
  'Yes, to help stop me becoming homeless': 'Ydy, i helpu i fy atal rhag mynd yn ddigartref',
  'You are likely to lose your home in the next 8 weeks, and the council is helping you keep it or find another':
    'Rydych chi’n debygol o golli eich cartref yn yr 8 wythnos nesaf, ac mae’r cyngor yn eich helpu i’w gadw neu i ddod o hyd i un arall',
  'Yes, to help me find somewhere to live': 'Ydy, i fy helpu i ddod o hyd i rywle i fyw',
  'You are homeless now, and the council is helping you find a home':
    'Rydych chi’n ddigartref nawr, ac mae’r cyngor yn eich helpu i ddod o hyd i gartref',
  'Yes, to house me': 'Ydy, i roi cartref i mi',
  'The council has decided it must find you a home: you may be in temporary accommodation while you wait':
    'Mae’r cyngor wedi penderfynu bod rhaid iddo ddod o hyd i gartref i chi: efallai y byddwch mewn llety dros dro wrth aros',
  'No, or I do not know': 'Na, neu dydw i ddim yn gwybod',
  'If you are not sure, choose this: an officer checks with the council’s homelessness team':
    'Os nad ydych chi’n siŵr, dewiswch hwn: bydd swyddog yn holi tîm digartrefedd y cyngor',
  'Select whether a council has a duty to help you because you are homeless':
    'Dewiswch a oes gan gyngor ddyletswydd i’ch helpu am eich bod yn ddigartref',
  'Is your home in serious disrepair, or unsafe to live in?':
    'Ydy eich cartref mewn cyflwr gwael iawn, neu’n anniogel i fyw ynddo?',
  'For example, serious damp and mould, no working heating or toilet, or a dangerous structure.':
    'Er enghraifft, lleithder a llwydni difrifol, dim gwres neu doiled sy’n gweithio, neu adeilad peryglus.',
  'Select yes if your home is in serious disrepair or unsafe':
    'Dewiswch ‘Ie’ os yw eich cartref mewn cyflwr gwael iawn neu’n anniogel',
  'Do you need to move because of someone’s health or disability?':
    'Oes angen i chi symud oherwydd iechyd neu anabledd rhywun?',
  'Yours, or that of anyone who will live with you. An officer may ask for a letter from a doctor or support worker.':
    'Eich iechyd chi, neu iechyd unrhyw un a fydd yn byw gyda chi. Efallai y bydd swyddog yn gofyn am lythyr gan feddyg neu weithiwr cymorth.',
  'Yes, our home makes a health condition or disability harder to live with':
    'Oes, mae ein cartref yn gwneud byw gyda chyflwr iechyd neu anabledd yn anoddach',
  'For example, the stairs are hard to manage, or there is no room for equipment':
    'Er enghraifft, mae’r grisiau yn anodd, neu does dim lle i offer',
  'Yes, and it is urgent': 'Oes, ac mae’n frys',
  'Our home puts someone’s life or health at serious risk, or someone cannot leave hospital until we move':
    'Mae ein cartref yn rhoi bywyd neu iechyd rhywun mewn perygl difrifol, neu all rhywun ddim gadael yr ysbyty nes i ni symud',
  'Select whether you need to move because of health or disability':
    'Dewiswch a oes angen i chi symud oherwydd iechyd neu anabledd',
  'Do you need to move to this area to avoid hardship?':
    'Oes angen i chi symud i’r ardal hon i osgoi caledi?',
  'For example, to give care to someone or to be cared for, or to be near treatment you need.':
    'Er enghraifft, i ofalu am rywun neu i gael gofal, neu i fod yn agos at driniaeth sydd ei hangen arnoch.',
  'Select yes if you need to move to this area to avoid hardship':
    'Dewiswch ‘Ie’ os oes angen i chi symud i’r ardal hon i osgoi caledi',
  'Are you an approved foster carer?': 'Ydych chi’n ofalwr maeth cymeradwy?',
  'Or approved and waiting for a child to be placed with you.':
    'Neu wedi’ch cymeradwyo ac yn aros i blentyn gael ei leoli gyda chi.',
  'Select yes if you are an approved foster carer': 'Dewiswch ‘Ie’ os ydych chi’n ofalwr maeth cymeradwy',
  'Send a photo of your passport': 'Anfonwch lun o’ch pasbort',
  'Take a photo of the page with your photo on it, in good light, with all four corners in the picture.':
    'Tynnwch lun o’r dudalen sydd â’ch llun arni, mewn golau da, gyda’r pedair cornel yn y llun.',
  'Check your answers before sending them': 'Gwiriwch eich atebion cyn eu hanfon',
  'Select all that apply.': 'Dewiswch bob un sy’n wir.',
  'I need a carer who does not live with me to stay overnight':
    'Mae angen i ofalwr nad yw’n byw gyda fi aros dros nos',
  'I cannot share a bedroom with my partner because of a disability':
    'Alla i ddim rhannu ystafell wely gyda fy mhartner oherwydd anabledd',
  'None of these': 'Dim un o’r rhain',
  'Select ‘None of these’ only if none of the others apply':
    'Dewiswch ‘Dim un o’r rhain’ dim ond os nad oes dim un o’r lleill yn wir',
  'Who are you adding to your household?': 'Pwy rydych chi’n ei ychwanegu at eich aelwyd?',
  'Who is {name}?': 'Pwy yw {name}?',
  'My partner': 'Fy mhartner',
  'Husband, wife, civil partner or someone you live with as a couple':
    'Gŵr, gwraig, partner sifil neu rywun rydych chi’n byw gydag ef neu hi fel cwpl',
  'My child': 'Fy mhlentyn',
  'Or a child you look after, of any age': 'Neu blentyn rydych chi’n gofalu amdano, o unrhyw oed',
  'A baby we are expecting': 'Babi rydyn ni’n ei ddisgwyl',
  'Someone who will live with you is pregnant': 'Mae rhywun a fydd yn byw gyda chi yn feichiog',
  'Another adult': 'Oedolyn arall',
  'For example, a parent, brother, sister or friend': 'Er enghraifft, rhiant, brawd, chwaer neu ffrind',
  'A lodger': 'Lletywr',
  'Someone who pays you to live in your home': 'Rhywun sy’n talu i chi i fyw yn eich cartref',
  'Select who you are adding': 'Dewiswch pwy rydych chi’n ei ychwanegu',
  'You have already added a partner': 'Rydych chi eisoes wedi ychwanegu partner',
  'A household can have at most {count} people': 'Gall aelwyd gynnwys {count} o bobl ar y mwyaf',
  'Tell us about your partner': 'Dywedwch wrthym am eich partner',
  'Tell us about your child': 'Dywedwch wrthym am eich plentyn',
  'Tell us about the baby you are expecting': 'Dywedwch wrthym am y babi rydych chi’n ei ddisgwyl',
  'Tell us about the adult who will live with you': 'Dywedwch wrthym am yr oedolyn a fydd yn byw gyda chi',
  'Tell us about your lodger': 'Dywedwch wrthym am eich lletywr',
  'Date of birth': 'Dyddiad geni',
  Sex: 'Rhyw',
  'Enter their first name': 'Rhowch ei enw cyntaf',
  'Enter their last name': 'Rhowch ei gyfenw',
  'Enter their date of birth': 'Rhowch ei ddyddiad geni',
  'Their date of birth must include a {missing}': 'Rhaid i’w ddyddiad geni gynnwys {missing}',
  'Their date of birth must be a real date, like 27 3 1990':
    'Rhaid i’w ddyddiad geni fod yn ddyddiad go iawn, fel 27 3 1990',
  'Their date of birth must be a real date': 'Rhaid i’w ddyddiad geni fod yn ddyddiad go iawn',
  'Their date of birth must be after {year}': 'Rhaid i’w ddyddiad geni fod ar ôl {year}',
  'Their date of birth must be in the past': 'Rhaid i’w ddyddiad geni fod yn y gorffennol',
  'Select their sex': 'Dewiswch ei ryw',
  'A name must be 100 characters or fewer': 'Rhaid i enw fod yn 100 nod neu lai',
  'Your partner must be 16 or over: for someone younger, go back and choose ‘My child’':
    'Rhaid i’ch partner fod yn 16 oed neu’n hŷn: i rywun iau, ewch yn ôl a dewis ‘Fy mhlentyn’',
  'Another adult must be 16 or over: for someone younger, go back and choose ‘My child’':
    'Rhaid i oedolyn arall fod yn 16 oed neu’n hŷn: i rywun iau, ewch yn ôl a dewis ‘Fy mhlentyn’',
  'A lodger must be 16 or over: for someone younger, go back and choose ‘My child’':
    'Rhaid i letywr fod yn 16 oed neu’n hŷn: i rywun iau, ewch yn ôl a dewis ‘Fy mhlentyn’',
  'First name, if you have chosen one (optional)': 'Enw cyntaf, os ydych chi wedi dewis un (dewisol)',
  'When is the baby due?': 'Pryd mae disgwyl y babi?',
  'Is the baby a girl or a boy?': 'Ai merch neu fachgen yw’r babi?',
  'If you do not know yet, choose either and change it when you know. An officer checks your household before any offer.':
    'Os nad ydych chi’n gwybod eto, dewiswch un a’i newid pan fyddwch chi’n gwybod. Bydd swyddog yn gwirio eich aelwyd cyn unrhyw gynnig.',
  'A girl': 'Merch',
  'A boy': 'Bachgen',
  'Enter the date the baby is due': 'Rhowch y dyddiad mae disgwyl y babi',
  'Select a girl or a boy': 'Dewiswch ferch neu fachgen',
  'The date the baby is due must include a {missing}':
    'Rhaid i’r dyddiad mae disgwyl y babi gynnwys {missing}',
  'The date the baby is due must be a real date, like 27 3 1990':
    'Rhaid i’r dyddiad mae disgwyl y babi fod yn ddyddiad go iawn, fel 27 3 1990',
  'The date the baby is due must be a real date':
    'Rhaid i’r dyddiad mae disgwyl y babi fod yn ddyddiad go iawn',
  'The date the baby is due must be today or in the future: if the baby is born, add them as your child':
    'Rhaid i’r dyddiad mae disgwyl y babi fod heddiw neu yn y dyfodol: os yw’r babi wedi’i eni, ychwanegwch y babi fel eich plentyn',
  'The date the baby is due must be within the next 42 weeks':
    'Rhaid i’r dyddiad mae disgwyl y babi fod o fewn y 42 wythnos nesaf',
  'Do any of these apply to {name}?': 'Ydy unrhyw un o’r rhain yn wir am {name}?',
  'Select all that apply. We use these to work out how many bedrooms your household needs.':
    'Dewiswch bob un sy’n wir. Rydyn ni’n defnyddio’r rhain i weithio allan faint o ystafelloedd gwely sydd eu hangen ar eich aelwyd.',
  'They cannot share a bedroom with you because of a disability':
    'Allan nhw ddim rhannu ystafell wely gyda chi oherwydd anabledd',
  'They cannot share a bedroom with another child because of a disability':
    'Allan nhw ddim rhannu ystafell wely gyda phlentyn arall oherwydd anabledd',
  'They need a carer who does not live with you to stay overnight':
    'Mae angen i ofalwr nad yw’n byw gyda chi aros dros nos gyda nhw',
  'They are a student living away, and will come back to live with you':
    'Maen nhw’n fyfyriwr sy’n byw oddi cartref, a byddan nhw’n dod yn ôl i fyw gyda chi',
  'For example, at university and home in the holidays':
    'Er enghraifft, yn y brifysgol ac adref yn y gwyliau',
  'They are away on armed forces operations, and will come back to live with you':
    'Maen nhw i ffwrdd ar waith gyda’r lluoedd arfog, a byddan nhw’n dod yn ôl i fyw gyda chi',

  // The applicant's pages (web/views): start, sign in, the household, checking and sending the answers, documents.
  'Apply for a social home': 'Gwneud cais am gartref cymdeithasol',
  'One conversation, from “can I apply?” to the keys of your new home.':
    'Un sgwrs, o “alla i wneud cais?” i allweddi eich cartref newydd.',
  'You answer each question once. We tell you what we decided and why, and what happens next. You can stop at any time and carry on later, on this phone or another device.':
    'Rydych chi’n ateb pob cwestiwn unwaith. Byddwn yn dweud wrthych beth wnaethon ni ei benderfynu a pham, a beth sy’n digwydd nesaf. Gallwch stopio unrhyw bryd a pharhau nes ymlaen, ar y ffôn hwn neu ar ddyfais arall.',
  'Before you start': 'Cyn i chi ddechrau',
  'it takes about 15 minutes': 'mae’n cymryd tua 15 munud',
  'have your passport or photocard driving licence ready: you will take a photo of it':
    'cofiwch gael eich pasbort neu’ch trwydded yrru â llun yn barod: byddwch chi’n tynnu llun ohono',
  'know roughly what your household earns and has saved':
    'gwybod yn fras beth mae eich aelwyd yn ei ennill a’i gynilo',
  'Which landlord do you want to apply to?': 'I ba landlord rydych chi eisiau gwneud cais?',
  'Select the landlord you want to apply to': 'Dewiswch y landlord rydych chi eisiau gwneud cais iddo',
  'Start your application': 'Dechrau eich cais',
  'Start now': 'Dechrau nawr',
  'Already started?': 'Wedi dechrau’n barod?',
  'Sign in to carry on': 'Mewngofnodwch i barhau',
  'Sign in': 'Mewngofnodi',
  'What is your email address?': 'Beth yw eich cyfeiriad e-bost?',
  'We will send you a code to sign in. You do not need a password.':
    'Byddwn yn anfon cod atoch i fewngofnodi. Does dim angen cyfrinair arnoch.',
  'Send me a code': 'Anfon cod ataf',
  'Check your email': 'Edrychwch ar eich e-bost',
  'If the address can receive email, we have sent it a 6-digit code. It works for 10 minutes.':
    'Os gall y cyfeiriad gael e-bost, rydyn ni wedi anfon cod 6 digid ato. Mae’n gweithio am 10 munud.',
  'Send a new code, or use another email address': 'Anfon cod newydd, neu ddefnyddio cyfeiriad e-bost arall',
  'Enter the code from the email': 'Rhowch y cod o’r e-bost',
  'The code is 6 digits, like 123456': 'Mae’r cod yn 6 digid, fel 123456',
  'The code is wrong or has expired. Check it, or send a new code.':
    'Mae’r cod yn anghywir neu wedi dod i ben. Gwiriwch ef, neu anfonwch god newydd.',
  'Too many codes asked for': 'Gofynnwyd am ormod o godau',
  'Try again later': 'Rhowch gynnig arall arni nes ymlaen',
  'Add everyone who will move in with you, including children and a baby you are expecting. We use this to work out how many bedrooms you need.':
    'Ychwanegwch bawb a fydd yn symud i mewn gyda chi, gan gynnwys plant a babi rydych chi’n ei ddisgwyl. Rydyn ni’n defnyddio hyn i weithio allan faint o ystafelloedd gwely sydd eu hangen arnoch.',
  'Your household': 'Eich aelwyd',
  Remove: 'Tynnu',
  'Add someone who will live with you': 'Ychwanegu rhywun a fydd yn byw gyda chi',
  'That is everyone, continue': 'Dyna bawb, parhau',
  'Now send your answers': 'Nawr anfonwch eich atebion',
  'By sending them you confirm they are true, as far as you know. We decide straight away whether you can join the housing register, and tell you why.':
    'Drwy eu hanfon, rydych chi’n cadarnhau eu bod yn wir, hyd y gwyddoch chi. Byddwn yn penderfynu ar unwaith a allwch chi ymuno â’r gofrestr tai, ac yn dweud pam wrthych.',
  'Accept and send': 'Derbyn ac anfon',
  'Go to the start': 'Mynd i’r dechrau',
  Decisions: 'Penderfyniadau',
  'Doorstep asks for what your landlord needs to decide whether you can join the housing register and to offer you a home. It keeps your answers in one place so you never give them twice.':
    'Mae Doorstep yn gofyn am yr hyn sydd ei angen ar eich landlord i benderfynu a allwch chi ymuno â’r gofrestr tai ac i gynnig cartref i chi. Mae’n cadw eich atebion mewn un lle, felly does dim rhaid i chi eu rhoi ddwywaith.',
  'Every decision says which rule it rests on. If a decision goes against you, you can ask for a review, and a person checks it before it takes effect.':
    'Mae pob penderfyniad yn dweud ar ba reol mae’n seiliedig. Os yw penderfyniad yn mynd yn eich erbyn, gallwch ofyn am adolygiad, a bydd person yn ei wirio cyn iddo ddod i rym.',
  'Your data': 'Eich data',
  'Your data stays in the UK. Photos of documents are kept only as long as the rules for each document allow.':
    'Mae eich data yn aros yn y DU. Dim ond cyhyd ag y mae’r rheolau ar gyfer pob dogfen yn ei ganiatáu y byddwn yn cadw lluniau o ddogfennau.',
  'Send a document': 'Anfon dogfen',
  'We read what we need from it, so you do not have to type it, and check it against your answers. We need your passport or photocard driving licence; a recent payslip, statement, award letter or bill helps us check your income or address sooner.':
    'Rydyn ni’n darllen beth sydd ei angen arnon ni ohoni, felly does dim rhaid i chi ei deipio, ac yn ei gwirio yn erbyn eich atebion. Mae angen eich pasbort neu’ch trwydded yrru â llun arnon ni; mae slip cyflog, cyfriflen, llythyr dyfarnu neu fil diweddar yn ein helpu i wirio eich incwm neu’ch cyfeiriad yn gynt.',
  'Take the photo in good light, flat on a table, with all four corners in the picture. Photos (JPEG or PNG) and PDF scans or statements up to 10 MB and 10 pages.':
    'Tynnwch y llun mewn golau da, yn fflat ar fwrdd, gyda’r pedair cornel yn y llun. Lluniau (JPEG neu PNG) a sganiau neu gyfriflenni PDF hyd at 10 MB a 10 tudalen.',
  Warning: 'Rhybudd',
  'or, for your income or address': 'neu, ar gyfer eich incwm neu’ch cyfeiriad',
  'Which document is it?': 'Pa ddogfen yw hi?',
  'What kind of file will you send?': 'Pa fath o ffeil fyddwch chi’n ei hanfon?',
  'Phone photos are usually JPEG. Pick PDF for a scan.':
    'Mae lluniau ffôn fel arfer yn JPEG. Dewiswch PDF ar gyfer sgan.',
  'A photo (.jpg or .jpeg)': 'Llun (.jpg neu .jpeg)',
  'A picture (.png)': 'Darlun (.png)',
  'A scan (.pdf)': 'Sgan (.pdf)',
  'Select which document it is': 'Dewiswch pa ddogfen yw hi',
  'Select what kind of file you will send': 'Dewiswch pa fath o ffeil fyddwch chi’n ei hanfon',
  'Upload the photo or scan': 'Llwytho’r llun neu’r sgan',
  'The file goes straight to secure storage. Up to 10 MB.':
    'Mae’r ffeil yn mynd yn syth i storfa ddiogel. Hyd at 10 MB.',
  'Choose file': 'Dewis ffeil',
  'No file chosen': 'Dim ffeil wedi’i dewis',
  'or drop file': 'neu ollwng ffeil',
  'Send this file': 'Anfon y ffeil hon',

  // Pages after the answers: documents, the offer, the agreement, the key, reviews, changes.
  passport: 'pasbort',
  'driving licence': 'trwydded yrru',
  payslip: 'slip cyflog',
  'bank statement': 'cyfriflen banc',
  'universal credit statement': 'datganiad Credyd Cynhwysol',
  'benefit award letter': 'llythyr dyfarnu budd-dal',
  'utility bill': 'bil cyfleustodau',
  'council tax bill': 'bil Treth Gyngor',
  'biometric residence permit': 'trwydded breswylio fiometrig',
  Passport: 'Pasbort',
  'UK photocard driving licence': 'Trwydded yrru â llun o’r DU',
  Payslip: 'Slip cyflog',
  'Bank statement': 'Cyfriflen banc',
  'Universal Credit statement': 'Datganiad Credyd Cynhwysol',
  'Benefit award letter': 'Llythyr dyfarnu budd-dal',
  'Utility bill': 'Bil cyfleustodau',
  'Council Tax bill': 'Bil Treth Gyngor',
  'Shows your identity': 'Yn dangos pwy ydych chi',
  'Shows your identity and address': 'Yn dangos pwy ydych chi a’ch cyfeiriad',
  'Shows your income': 'Yn dangos eich incwm',
  'Shows your income and address': 'Yn dangos eich incwm a’ch cyfeiriad',
  'Shows your address': 'Yn dangos eich cyfeiriad',
  'Shows your immigration status': 'Yn dangos eich statws mewnfudo',
  'Your document': 'Eich dogfen',
  'Your document does not match your answers': 'Dydy eich dogfen ddim yn cyfateb i’ch atebion',
  'Your {kind} does not match your answers': 'Dydy eich {kind} ddim yn cyfateb i’ch atebion',
  'We read this from your {kind}:': 'Dyma beth wnaethon ni ei ddarllen o’ch {kind}:',
  'Send another photo': 'Anfon llun arall',
  'If one of your answers is wrong,': 'Os yw un o’ch atebion yn anghywir,',
  'check and change your answers': 'gwiriwch a newidiwch eich atebion',
  'Is this what your document says?': 'Ai dyma beth mae eich dogfen yn ei ddweud?',
  'We read this from your {kind}. Check it carefully: a photo can be misread.':
    'Dyma beth wnaethon ni ei ddarllen o’ch {kind}. Gwiriwch ef yn ofalus: gall llun gael ei gamddarllen.',
  'Yes, this is right': 'Ydy, mae hyn yn gywir',
  'No, send another photo': 'Na, anfon llun arall',
  'We could not read your document': 'Doedden ni ddim yn gallu darllen eich dogfen',
  'Try again in daylight, with the page flat and all four corners in the picture, or go on with this one and an officer will check it.':
    'Rhowch gynnig arall arni yng ngolau dydd, gyda’r dudalen yn fflat a’r pedair cornel yn y llun, neu ewch ymlaen gyda hon a bydd swyddog yn ei gwirio.',
  'We have your {kind}': 'Mae eich {kind} gennym ni',
  'We do not read this kind of document automatically: an officer will check it against your answers.':
    'Dydyn ni ddim yn darllen y math hwn o ddogfen yn awtomatig: bydd swyddog yn ei gwirio yn erbyn eich atebion.',
  'Go on with this one: an officer will check it': 'Mynd ymlaen gyda hon: bydd swyddog yn ei gwirio',
  'We could not use that file': 'Doedden ni ddim yn gallu defnyddio’r ffeil honno',
  'We are reading your document': 'Rydyn ni’n darllen eich dogfen',
  'This usually takes a few seconds.': 'Mae hyn fel arfer yn cymryd ychydig eiliadau.',
  'Check again': 'Gwirio eto',
  'First names': 'Enwau cyntaf',
  'Document number': 'Rhif y ddogfen',
  Expires: 'Yn dod i ben',
  Nationality: 'Cenedligrwydd',
  'An offer of a home': 'Cynnig o gartref',
  'An offer of a home: {address}': 'Cynnig o gartref: {address}',
  Bedrooms: 'Ystafelloedd gwely',
  Rent: 'Rhent',
  '{rent} a week, plus {charge} a week in service charges':
    '{rent} yr wythnos, a {charge} yr wythnos o dâl gwasanaeth',
  '{rent} a week': '{rent} yr wythnos',
  'Available from': 'Ar gael o',
  'Answer by': 'Atebwch erbyn',
  'Viewing the home': 'Gweld y cartref',
  'Why we offered you this home': 'Pam wnaethon ni gynnig y cartref hwn i chi',
  'Do you want this home?': 'Ydych chi eisiau’r cartref hwn?',
  'Yes, I accept this home': 'Ydw, rwy’n derbyn y cartref hwn',
  'No, I do not want this home': 'Na, dydw i ddim eisiau’r cartref hwn',
  'If you are saying no, why?': 'Os ydych chi’n dweud na, pam?',
  'Only if you say no. It helps us offer you a better home next time.':
    'Dim ond os ydych chi’n dweud na. Mae’n ein helpu i gynnig cartref gwell i chi y tro nesaf.',
  'You can enter up to %{count} characters': 'Gallwch roi hyd at %{count} nod',
  'You have 0 characters remaining': 'Mae gennych 0 nod ar ôl',
  'Send my answer': 'Anfon fy ateb',
  'Select yes if you want this home': 'Dewiswch ‘Ydw’ os ydych chi eisiau’r cartref hwn',
  'Tell us why you do not want this home, in a few words':
    'Dywedwch wrthym pam nad ydych chi eisiau’r cartref hwn, mewn ychydig eiriau',
  'Your reason must be 500 characters or fewer': 'Rhaid i’ch rheswm fod yn 500 nod neu lai',
  'Your tenancy agreement': 'Eich cytundeb tenantiaeth',
  'Read and sign your agreement': 'Darllenwch a llofnodwch eich cytundeb',
  'Read the full agreement (PDF)': 'Darllen y cytundeb llawn (PDF)',
  'Sign the agreement': 'Llofnodi’r cytundeb',
  'Ticking this box and pressing Sign is your electronic signature. It has the same effect as signing on paper.':
    'Ticio’r blwch hwn a phwyso Llofnodi yw eich llofnod electronig. Mae’r un peth â llofnodi ar bapur.',
  'I, {name}, have read this agreement and agree to its terms':
    'Rydw i, {name}, wedi darllen y cytundeb hwn ac yn cytuno i’w delerau',
  Sign: 'Llofnodi',
  'Tick the box to sign the agreement': 'Ticiwch y blwch i lofnodi’r cytundeb',
  'Your digital key': 'Eich allwedd ddigidol',
  'Your key to {address}': 'Eich allwedd i {address}',
  'Hold this code up to the reader by the door. It works from {from} to {until}.':
    'Daliwch y cod hwn at y darllenydd wrth y drws. Mae’n gweithio o {from} tan {until}.',
  'Your digital key, as a QR code': 'Eich allwedd ddigidol, fel cod QR',
  'Do not share a screenshot of it: anyone with the code can open the door.':
    'Peidiwch â rhannu llun sgrin ohono: gall unrhyw un sydd â’r cod agor y drws.',
  'Download your signed tenancy agreement (PDF)': 'Lawrlwytho eich cytundeb tenantiaeth wedi’i lofnodi (PDF)',
  'Why do you think this decision is wrong?': 'Pam rydych chi’n meddwl bod y penderfyniad hwn yn anghywir?',
  'Ask by {date}. A person who did not make the decision looks at it again, and writes to you with what they decide. Tell us anything we did not know, or where we got something wrong.':
    'Gofynnwch erbyn {date}. Bydd person na wnaeth y penderfyniad yn edrych arno eto, ac yn ysgrifennu atoch gyda’r hyn mae’n ei benderfynu. Dywedwch wrthym unrhyw beth nad oedden ni’n ei wybod, neu ble cawson ni rywbeth yn anghywir.',
  'Ask for a review': 'Gofyn am adolygiad',
  'Tell us why': 'Dywedwch wrthym pam',
  'Tell us why you think the decision is wrong, in a few words':
    'Dywedwch wrthym pam rydych chi’n meddwl bod y penderfyniad yn anghywir, mewn ychydig eiriau',
  'Your reason must be 1,000 characters or fewer': 'Rhaid i’ch rheswm fod yn 1,000 nod neu lai',
  'Tell us about a change': 'Dywedwch wrthym am newid',
  'Tell us about this change': 'Dywedwch wrthym am y newid hwn',
  'You cannot tell us about a change here': 'Allwch chi ddim dweud wrthym am newid yma',
  'Those details were changed on the way. Start again.':
    'Cafodd y manylion hynny eu newid ar y ffordd. Dechreuwch eto.',
  'You are on the housing register. If something has changed, tell us here: we look at your application again straight away, and the status page shows what we decided and why.':
    'Rydych chi ar y gofrestr tai. Os oes rhywbeth wedi newid, dywedwch wrthym yma: byddwn yn edrych ar eich cais eto ar unwaith, ac mae’r dudalen statws yn dangos beth wnaethon ni ei benderfynu a pham.',
  'If someone has moved out, remove them.': 'Os oes rhywun wedi symud allan, tynnwch nhw.',
  'They have moved out': 'Maen nhw wedi symud allan',
  'Only you are on your application.': 'Dim ond chi sydd ar eich cais.',
  'Add someone who has moved in, a baby who has been born, or a baby you are expecting':
    'Ychwanegu rhywun sydd wedi symud i mewn, babi sydd wedi’i eni, neu fabi rydych chi’n ei ddisgwyl',
  'About you': 'Amdanoch chi',
  'Money and where you live': 'Arian a ble rydych chi’n byw',
  'Your circumstances': 'Eich amgylchiadau',
  'Back to your application': 'Yn ôl i’ch cais',
  'Your answers are not sent yet. You can still change any of them before you send them.':
    'Dydy eich atebion ddim wedi’u hanfon eto. Gallwch newid unrhyw un ohonyn nhw o hyd cyn eu hanfon.',
  'You have moved in, so this application is finished. Tell your landlord about any change.':
    'Rydych chi wedi symud i mewn, felly mae’r cais hwn wedi dod i ben. Dywedwch wrth eich landlord am unrhyw newid.',
  'This application is closed, so nothing on it can change. If you still need a home, you can apply again.':
    'Mae’r cais hwn wedi cau, felly all dim byd arno newid. Os oes angen cartref arnoch o hyd, gallwch wneud cais eto.',
  'We have offered you a home. Answer the offer first; if something has changed, tell the lettings team.':
    'Rydyn ni wedi cynnig cartref i chi. Atebwch y cynnig yn gyntaf; os oes rhywbeth wedi newid, dywedwch wrth y tîm gosod.',
  'We are still deciding on the answers you sent, so they cannot change here yet. If something has changed, tell the lettings team; once you are on the register you can tell us here.':
    'Rydyn ni’n dal i benderfynu ar yr atebion a anfonoch, felly allan nhw ddim newid yma eto. Os oes rhywbeth wedi newid, dywedwch wrth y tîm gosod; unwaith y byddwch ar y gofrestr gallwch ddweud wrthym yma.',
  'Your answers have been sent, so they cannot change here. Ask the lettings team if something has changed.':
    'Mae eich atebion wedi’u hanfon, felly allan nhw ddim newid yma. Gofynnwch i’r tîm gosod os oes rhywbeth wedi newid.',

  // Problems any page can show (web/app.ts, web/http.ts).
  'This page cannot do that': 'All y dudalen hon ddim gwneud hynny',
  'Use the page’s own links and buttons to carry on.':
    'Defnyddiwch ddolenni a botymau’r dudalen ei hun i barhau.',
  'Page not found': 'Heb ddod o hyd i’r dudalen',
  'If you typed the web address, check it is correct.':
    'Os teipioch chi’r cyfeiriad gwe, gwiriwch ei fod yn gywir.',
  'You cannot do that': 'Allwch chi ddim gwneud hynny',
  'Please wait': 'Arhoswch',
  'That has already moved on': 'Mae hynny wedi symud ymlaen yn barod',
  'See where your application is': 'Gweld ble mae eich cais',
  'Sorry, there is a problem with the service': 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth',
  'Try again later. Your answers so far are saved.':
    'Rhowch gynnig arall arni nes ymlaen. Mae eich atebion hyd yma wedi’u cadw.',
  'This page takes a form. Use the page’s own button to send it.':
    'Mae’r dudalen hon yn cymryd ffurflen. Defnyddiwch fotwm y dudalen ei hun i’w hanfon.',
  'The form is too large to send.': 'Mae’r ffurflen yn rhy fawr i’w hanfon.',
  'This form has expired. Go back, refresh the page and try again.':
    'Mae’r ffurflen hon wedi dod i ben. Ewch yn ôl, adnewyddwch y dudalen a rhowch gynnig arall arni.',

  // The status page (web/applicant.ts, shared/domain/stage.ts).
  'Finish your answers': 'Gorffen eich atebion',
  'Carry on where you left off': 'Parhau o’r man lle gadawoch chi',
  'We need a clear photo of your passport or driving licence that matches your answers':
    'Mae angen llun clir o’ch pasbort neu’ch trwydded yrru arnon ni sy’n cyfateb i’ch atebion',
  'Send a photo': 'Anfon llun',
  'We have offered you a home': 'Rydyn ni wedi cynnig cartref i chi',
  'See the home and answer the offer': 'Gweld y cartref ac ateb y cynnig',
  'Your tenancy agreement is ready to sign': 'Mae eich cytundeb tenantiaeth yn barod i’w lofnodi',
  'Read and sign it': 'Darllen a’i lofnodi',
  'Can you apply?': 'Allwch chi wneud cais?',
  'Do you qualify for the register?': 'Ydych chi’n gymwys i fod ar y gofrestr?',
  'Your documents': 'Eich dogfennau',
  'Checking your details': 'Gwirio eich manylion',
  'On the housing register': 'Ar y gofrestr tai',
  'A home for you': 'Cartref i chi',
  'An officer checks the offer': 'Swyddog yn gwirio’r cynnig',
  'Your answer to the offer': 'Eich ateb i’r cynnig',
  'Signing your tenancy': 'Llofnodi eich tenantiaeth',
  'Your keys': 'Eich allweddi',
  'Moved in': 'Wedi symud i mewn',
  Done: 'Wedi’i wneud',
  Checked: 'Wedi’i wirio',
  Registered: 'Wedi cofrestru',
  'An officer is looking at this': 'Mae swyddog yn edrych ar hyn',
  Closed: 'Wedi cau',
  'You have moved in. Welcome home.': 'Rydych chi wedi symud i mewn. Croeso adref.',
  'This application is closed.': 'Mae’r cais hwn wedi cau.',
  'We have found a home that fits your household. An officer is checking the offer; we will tell you as soon as it is ready.':
    'Rydyn ni wedi dod o hyd i gartref sy’n addas i’ch aelwyd. Mae swyddog yn gwirio’r cynnig; byddwn yn dweud wrthych cyn gynted ag y bydd yn barod.',
  'We are checking your details. If we need anything else, we will ask you here.':
    'Rydyn ni’n gwirio eich manylion. Os bydd angen unrhyw beth arall arnon ni, byddwn yn gofyn i chi yma.',
  'You are on the housing register. We will tell you when we can offer you a home.':
    'Rydych chi ar y gofrestr tai. Byddwn yn dweud wrthych pan allwn ni gynnig cartref i chi.',
  'We are working on the next step. Refresh this page to see the latest.':
    'Rydyn ni’n gweithio ar y cam nesaf. Adnewyddwch y dudalen hon i weld y diweddaraf.',

  // Check your answers (web/check-answers.ts).
  'Where you live': 'Ble rydych chi’n byw',
  Money: 'Arian',
  'Your identity document': 'Eich dogfen adnabod',
  Name: 'Enw',
  Email: 'E-bost',
  Phone: 'Ffôn',
  'Not given': 'Heb ei roi',
  'Immigration status': 'Statws mewnfudo',
  'Proof of immigration status': 'Prawf o statws mewnfudo',
  'No share code yet: an officer will help you get one':
    'Dim cod rhannu eto: bydd swyddog yn eich helpu i gael un',
  'Share code {code}, date of birth {date}': 'Cod rhannu {code}, dyddiad geni {date}',
  'People who will live with you': 'Pobl a fydd yn byw gyda chi',
  'Just you': 'Chi yn unig',
  '{count}, including you': '{count}, gan eich cynnwys chi',
  'Your needs': 'Eich anghenion',
  None: 'Dim',
  You: 'Chi',
  Partner: 'Partner',
  Child: 'Plentyn',
  Lodger: 'Lletywr',
  'You need a carer to stay overnight': 'Mae angen i ofalwr aros dros nos gyda chi',
  'You cannot share a bedroom with your partner because of a disability':
    'Allwch chi ddim rhannu ystafell wely gyda’ch partner oherwydd anabledd',
  'needs a bedroom of their own because of a disability': 'angen ystafell wely ei hun oherwydd anabledd',
  'needs a carer to stay overnight': 'angen i ofalwr aros dros nos',
  'a student living away': 'myfyriwr sy’n byw oddi cartref',
  'away on armed forces operations': 'i ffwrdd ar waith gyda’r lluoedd arfog',
  '{relationship}, born {date}': '{relationship}, ganwyd {date}',
  'A baby you are expecting, due {date}': 'Babi rydych chi’n ei ddisgwyl, disgwylir ar {date}',
  'No address: nowhere to live': 'Dim cyfeiriad: unman i fyw',
  'How you live there': 'Sut rydych chi’n byw yno',
  'Years in the area': 'Blynyddoedd yn yr ardal',
  'Other links to the area': 'Cysylltiadau eraill â’r ardal',
  'Also applies to you': 'Hefyd yn wir amdanoch chi',
  'You work in the area': 'Rydych chi’n gweithio yn yr ardal',
  'Armed forces': 'Y lluoedd arfog',
  'Leaving home because of domestic abuse': 'Gadael cartref oherwydd cam-drin domestig',
  'Grew up in care': 'Wedi’ch magu mewn gofal',
  'Moving here for work (Right to Move)': 'Symud yma am waith (Hawl i Symud)',
  'Earnings each month': 'Enillion bob mis',
  Savings: 'Cynilion',
  'Help with your rent': 'Help gyda’ch rhent',
  'Own a home': 'Yn berchen ar gartref',
  'Owe rent to a former landlord': 'Mae arnoch chi rent i hen landlord',
  'Rent you owe': 'Rhent sydd arnoch chi',
  'Keeping to a plan to pay it back': 'Cadw at gynllun i’w dalu’n ôl',
  'Serious anti-social behaviour found by a court': 'Ymddygiad gwrthgymdeithasol difrifol a gafwyd gan lys',
  'A council’s homelessness duty': 'Dyletswydd digartrefedd cyngor',
  'Home in serious disrepair': 'Cartref mewn cyflwr gwael iawn',
  'Need to move for health or disability': 'Angen symud oherwydd iechyd neu anabledd',
  'Need to move here to avoid hardship': 'Angen symud yma i osgoi caledi',
  'Approved foster carer': 'Gofalwr maeth cymeradwy',
  'Identity document': 'Dogfen adnabod',
  'Driving licence': 'Trwydded yrru',

  // Text messages: signing in by text, and answering by text (web/views/sign-in*.njk, text-messages*.njk).
  'If the number is a mobile, we have texted a 6-digit code to {number}. It works for 10 minutes.':
    'Os yw’r rhif yn ffôn symudol, rydyn ni wedi anfon cod 6 digid mewn neges destun i {number}. Mae’n gweithio am 10 munud.',
  'Or get a code by text message to your UK mobile':
    'Neu cewch god mewn neges destun i’ch ffôn symudol yn y DU',
  'If your mobile is linked to your application, you can answer your questions by text too.':
    'Os yw eich ffôn symudol wedi’i gysylltu â’ch cais, gallwch ateb eich cwestiynau drwy neges destun hefyd.',
  'Text me a code': 'Anfon cod ataf mewn neges destun',
  'Check your phone': 'Edrychwch ar eich ffôn',
  'We have texted a 6-digit code to {number}. It works for 10 minutes.':
    'Rydyn ni wedi anfon cod 6 digid mewn neges destun i {number}. Mae’n gweithio am 10 munud.',
  'Start answering by text': 'Dechrau ateb drwy neges destun',
  'Send a new code, or use another number': 'Anfon cod newydd, neu ddefnyddio rhif arall',
  'Answer by text message': 'Ateb drwy neges destun',
  'We text you each question, and your reply answers it. It is the same application as here: you can answer some questions by text and some on this website.':
    'Rydyn ni’n anfon pob cwestiwn atoch mewn neges destun, ac mae eich ateb yn ei ateb. Yr un cais ydy e ag yma: gallwch ateb rhai cwestiynau drwy neges destun a rhai ar y wefan hon.',
  'You still send a photo of your passport and check your answers on this website: we text you a link when you get there.':
    'Rydych chi’n dal i anfon llun o’ch pasbort a gwirio eich atebion ar y wefan hon: byddwn yn anfon dolen atoch mewn neges destun pan fyddwch chi’n cyrraedd yno.',
  'Reply STOP at any time to stop the texts, and START to start them again.':
    'Atebwch STOP unrhyw bryd i atal y negeseuon, a START i’w dechrau eto.',
  'UK mobile number': 'Rhif ffôn symudol yn y DU',
  'We will text you a code to check it is yours.':
    'Byddwn yn anfon cod atoch mewn neges destun i wirio mai chi biau’r rhif.',

  // Choice-based lettings (web/views/homes.njk).
  'Homes you can choose': 'Cartrefi y gallwch eu dewis',

  // Messages to the applicant (shared/i18n/messages.ts).
  'Your Doorstep sign-in code is {code}. It works for 10 minutes. If you did not ask for it, you can ignore this message.':
    'Eich cod mewngofnodi Doorstep yw {code}. Mae’n gweithio am 10 munud. Os na wnaethoch chi ofyn amdano, gallwch anwybyddu’r neges hon.',
  'We have made a decision at the step ‘{stage}’. Sign in to Doorstep to see what we decided and why.':
    'Rydyn ni wedi gwneud penderfyniad ar y cam ‘{stage}’. Mewngofnodwch i Doorstep i weld beth wnaethon ni ei benderfynu a pham.',
  'We need something from you for the step ‘{stage}’ by {deadline}. Sign in to Doorstep to see what.':
    'Mae angen rhywbeth gennych chi ar gyfer y cam ‘{stage}’ erbyn {deadline}. Mewngofnodwch i Doorstep i weld beth.',
  'We have offered you a home. Answer the offer by {deadline}: sign in to Doorstep to see it.':
    'Rydyn ni wedi cynnig cartref i chi. Atebwch y cynnig erbyn {deadline}: mewngofnodwch i Doorstep i’w weld.',
  'Your tenancy agreement is ready. Sign it by {deadline}: sign in to Doorstep to read and sign it.':
    'Mae eich cytundeb tenantiaeth yn barod. Llofnodwch ef erbyn {deadline}: mewngofnodwch i Doorstep i’w ddarllen a’i lofnodi.',
  'Remember to answer the offer of {address} by {deadline}. Sign in to Doorstep to answer it.':
    'Cofiwch ateb y cynnig o {address} erbyn {deadline}. Mewngofnodwch i Doorstep i’w ateb.',
  'We have found a home that fits your household. An officer checks the offer within {officerDecisionDays} days, and we will tell you when it is ready.':
    'Rydyn ni wedi dod o hyd i gartref sy’n addas i’ch aelwyd. Bydd swyddog yn gwirio’r cynnig o fewn {officerDecisionDays} diwrnod, a byddwn yn dweud wrthych pan fydd yn barod.',
  'The offer of a home has closed. Sign in to Doorstep to see what happens next.':
    'Mae’r cynnig o gartref wedi cau. Mewngofnodwch i Doorstep i weld beth sy’n digwydd nesaf.',
  'Your digital key is ready. It works from {validFrom}. Sign in to Doorstep to show it.':
    'Mae eich allwedd ddigidol yn barod. Mae’n gweithio o {validFrom}. Mewngofnodwch i Doorstep i’w dangos.',
  'Your application has closed at the step ‘{stage}’. Sign in to Doorstep to see why.':
    'Mae eich cais wedi cau ar y cam ‘{stage}’. Mewngofnodwch i Doorstep i weld pam.',
  'You withdrew your application on {withdrawnOn}. If you still need a home, you can apply again.':
    'Fe wnaethoch chi dynnu eich cais yn ôl ar {withdrawnOn}. Os oes angen cartref arnoch o hyd, gallwch wneud cais eto.',
  'There is news about your application. Sign in to Doorstep to see it.':
    'Mae newyddion am eich cais. Mewngofnodwch i Doorstep i’w weld.',
};
