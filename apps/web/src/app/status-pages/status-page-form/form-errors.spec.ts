import { describe, expect, it } from 'vitest';
import { fieldOf, fieldsOf, serverFormErrors } from './form-errors';
import type { StatusPageFormValue } from './form-model';

const SHOP = '00000000-0000-4000-8000-00000000000a';
const VALUE: StatusPageFormValue = {
  slug: 'shop',
  title: 'Shop',
  description: '',
  showTargets: false,
  groups: [{ name: 'Web', monitors: [{ monitorId: SHOP, displayName: '' }] }],
};

describe('fieldOf', () => {
  const shown = fieldsOf(VALUE);
  it.each([
    ['slug', 'slug must be 1–64 lowercase letters, digits or dashes', 'slug'],
    ['', 'slug: a status page at /status/shop exists already', 'slug'],
    ['groups', 'groups must hold at least one group', 'groups'],
    ['groups.0.name', 'name is required', 'groups.0.name'],
    ['groups.0.monitorIds.0', `monitorIds: monitor ${SHOP} does not exist`, 'groups.0.monitorIds.0'],
    ['groups.0.monitorIds.3', 'monitorIds must be a monitor id (uuid)', 'groups.0.monitorIds'],
    ['groups.1.name', 'name is required', 'groups'],
    [`displayNames.${SHOP}`, 'displayNames value must be at most 120 characters', `displayNames.${SHOP}`],
    ['displayNames.other', 'displayNames: other is not on this page', null],
    ['', 'Internal server error', null],
  ])('%j: %s -> %s', (path, message, field) => {
    expect(fieldOf(shown, path, message)).toBe(field);
  });
});

describe('serverFormErrors', () => {
  it("uses the api's fieldErrors, and sends what fits no field above the form", () => {
    const error = Object.assign(new Error('…'), {
      data: {
        fieldErrors: { 'groups.0.monitorIds.0': 'monitorIds: gone', 'displayNames.other': 'displayNames: other is not on this page' },
      },
    });
    expect(serverFormErrors(VALUE, error)).toEqual({
      fields: { 'groups.0.monitorIds.0': 'monitorIds: gone' },
      form: 'displayNames: other is not on this page',
    });
  });
});
