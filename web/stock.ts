import { ZodError } from 'zod';
import type { FormAnswers } from '../shared/domain/conversation.js';
import type { Property } from '../shared/domain/letting.js';
import type { OfficerIdentity } from '../shared/ports.js';
import type { Deps } from '../shared/services/deps.js';
import { addHome, editHome, homeForOfficer, listHomes } from '../shared/services/stock.js';
import { idParam, redirect, type WebEvent } from './http.js';
import { officerOf } from './officer.js';
import type { PageRenderer, Route } from './routes.js';

/**
 * The console's Homes pages (issue 8): the landlord's stock in every status, and a form to add a home or change
 * what describes one. The service checks everything (shared/services/stock.ts); this only turns the form into
 * its input (pounds into pence, yes/no into true/false) and its reasons into GOV.UK errors beside the fields.
 */

/** The console's header with Homes selected: these pages and a home's shortlist (web/shortlist.ts). */
export const consoleChrome = {
  serviceName: 'Doorstep lettings console',
  serviceUrl: '/officer',
  navigation: [
    { href: '/officer', text: 'Queue' },
    { href: '/officer/homes', text: 'Homes', active: true },
  ],
};

const text = (value: FormAnswers[string]) => (typeof value === 'string' ? value.trim() : '');
/** A number typed in, or what was typed (so the service says it is not a number); absent when blank. */
const number = (value: FormAnswers[string], scale = 1) => {
  const typed = text(value).replace(/^£/, '');
  if (typed === '') return undefined;
  return /^-?\d+(\.\d{1,2})?$/.test(typed) ? Math.round(Number(typed) * scale) : typed;
};

/** The service's input from the form; blank optional fields are left out. */
function inputOf(form: FormAnswers): Record<string, unknown> {
  const day = (part: string) => text(form[`availableFrom-${part}`]).padStart(2, '0');
  const minimumAge = number(form.minimumAge);
  const localConnectionYears = number(form.localConnectionYears);
  const pets = text(form.petsAllowed);
  const fields: Record<string, unknown> = {
    address: text(form.address),
    postcode: text(form.postcode),
    bedrooms: number(form.bedrooms) ?? '',
    bedSpaces: number(form.bedSpaces),
    weeklyRent: number(form.weeklyRent, 100) ?? '',
    weeklyServiceCharge: number(form.weeklyServiceCharge, 100),
    tenure: text(form.tenure) || undefined,
    // No box ticked: no features recorded (the same as before the form had them).
    accessibility: [form.accessibility ?? []].flat().filter(Boolean),
    floor: number(form.floor),
    petsAllowed: pets === '' ? undefined : pets === 'yes',
    localLettings:
      minimumAge === undefined && localConnectionYears === undefined
        ? undefined
        : { minimumAge, localConnectionYears },
    availableFrom: `${text(form['availableFrom-year'])}-${day('month')}-${day('day')}`,
    doorId: text(form.doorId) || undefined,
    viewing: text(form.viewing) || undefined,
  };
  if ((fields.accessibility as string[]).length === 0) fields.accessibility = undefined;
  return JSON.parse(JSON.stringify(fields));
}

/** What the form shows for a stored home: pounds, not pence; the date in its three boxes. */
function formOf(home: Property): FormAnswers {
  const [year, month, day] = home.availableFrom.split('-');
  const pounds = (pence: number | undefined) => (pence === undefined ? undefined : (pence / 100).toFixed(2));
  const shown = {
    ...home,
    bedrooms: String(home.bedrooms),
    bedSpaces: home.bedSpaces?.toString(),
    weeklyRent: pounds(home.weeklyRent),
    weeklyServiceCharge: pounds(home.weeklyServiceCharge),
    floor: home.floor?.toString(),
    petsAllowed: home.petsAllowed === undefined ? '' : home.petsAllowed ? 'yes' : 'no',
    minimumAge: home.localLettings?.minimumAge?.toString(),
    localConnectionYears: home.localLettings?.localConnectionYears?.toString(),
    'availableFrom-day': day,
    'availableFrom-month': month,
    'availableFrom-year': year,
  };
  return JSON.parse(JSON.stringify(shown));
}

/** The service's reasons beside the fields they are about (the date's go to its first box). */
function errorsOf(error: ZodError) {
  return error.issues.map((issue) => {
    const name = String(issue.path.at(-1) ?? 'address');
    const field = name === 'availableFrom' ? 'availableFrom-day' : name;
    const money = name === 'weeklyRent' || name === 'weeklyServiceCharge';
    const message =
      money && issue.code === 'invalid_type'
        ? 'Enter an amount in pounds and pence, like 112.50'
        : issue.message;
    return { field, message };
  });
}

function homePage(
  page: PageRenderer,
  propertyId: string | undefined,
  values: FormAnswers,
  errors: Array<{ field: string; message: string }> = [],
) {
  return page(
    'officer/home.njk',
    {
      title: propertyId ? 'Change a home' : 'Add a home',
      ...consoleChrome,
      backLink: '/officer/homes',
      action: `/officer/homes/${propertyId ?? 'new'}`,
      values,
      accessibility: [values.accessibility ?? []].flat(),
      errors: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
      fieldErrors: Object.fromEntries(errors.map((error) => [error.field, { text: error.message }])),
    },
    errors.length > 0 ? 400 : 200,
  );
}

export function stockRoutes(deps: () => Deps, identity: () => OfficerIdentity): Route[] {
  const save = async (event: WebEvent, page: PageRenderer, form: FormAnswers, propertyId?: string) => {
    const actor = await officerOf(identity(), event);
    const input = inputOf(form);
    try {
      if (propertyId) await editHome(deps(), { actor, propertyId, input });
      else await addHome(deps(), { actor, input });
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      return homePage(page, propertyId, form, errorsOf(error));
    }
    return redirect('/officer/homes');
  };
  return [
    {
      method: 'GET',
      path: '/officer/homes',
      handler: async (event, page) => {
        const officer = await officerOf(identity(), event);
        const homes = await listHomes(deps(), officer.landlordId);
        return page('officer/homes.njk', { title: 'Homes', ...consoleChrome, officer, homes });
      },
    },
    {
      method: 'GET',
      path: '/officer/homes/new',
      handler: async (event, page) => {
        await officerOf(identity(), event);
        return homePage(page, undefined, {});
      },
    },
    {
      method: 'POST',
      path: '/officer/homes/new',
      form: true,
      handler: (event, page, form) => save(event, page, form),
    },
    {
      method: 'GET',
      path: '/officer/homes/{propertyId}',
      handler: async (event, page) => {
        const officer = await officerOf(identity(), event);
        const propertyId = idParam(event, 'propertyId');
        const home = await homeForOfficer(deps(), { landlordId: officer.landlordId, propertyId });
        return homePage(page, propertyId, formOf(home));
      },
    },
    {
      method: 'POST',
      path: '/officer/homes/{propertyId}',
      form: true,
      handler: (event, page, form) => save(event, page, form, idParam(event, 'propertyId')),
    },
  ];
}
