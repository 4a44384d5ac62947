import type { AbstractControl, FormArray, NonNullableFormBuilder } from '@angular/forms';
import type { StatusPage, StatusPageInput } from '@mini-netumo/contracts';
import type { PageFormErrors } from './form-errors';

/** One monitor of a group as the form edits it; an empty display name means the monitor's own name. */
export interface PageMonitorRow {
  monitorId: string;
  displayName: string;
}

export interface PageGroupValue {
  name: string;
  monitors: PageMonitorRow[];
}

/** What the form holds: text is never null, and display names sit beside their monitors. */
export interface StatusPageFormValue {
  slug: string;
  title: string;
  description: string;
  showTargets: boolean;
  groups: PageGroupValue[];
}

export const emptyGroup = (): PageGroupValue => ({ name: '', monitors: [] });

export const emptyPageValue = (): StatusPageFormValue => ({
  slug: '',
  title: '',
  description: '',
  showTargets: false,
  groups: [{ name: 'Services', monitors: [] }],
});

export function toFormValue(page: StatusPage): StatusPageFormValue {
  return {
    slug: page.slug,
    title: page.title,
    description: page.description ?? '',
    showTargets: page.showTargets,
    groups: page.groups.map((group) => ({
      name: group.name,
      monitors: group.monitorIds.map((monitorId) => ({ monitorId, displayName: page.displayNames[monitorId] ?? '' })),
    })),
  };
}

/** The contract's input: an empty description is none, and only the display names typed are sent. */
export function toPageInput(value: StatusPageFormValue): StatusPageInput {
  const rows = value.groups.flatMap((group) => group.monitors);
  return {
    slug: value.slug,
    title: value.title,
    description: value.description.trim() === '' ? null : value.description,
    showTargets: value.showTargets,
    groups: value.groups.map((group) => ({ name: group.name, monitorIds: group.monitors.map((row) => row.monitorId) })),
    displayNames: Object.fromEntries(rows.filter((row) => row.displayName.trim() !== '').map((row) => [row.monitorId, row.displayName])),
  };
}

export function buildMonitorRow(fb: NonNullableFormBuilder, row: PageMonitorRow) {
  return fb.group({ monitorId: [row.monitorId], displayName: [row.displayName] });
}

export function buildGroup(fb: NonNullableFormBuilder, group: PageGroupValue) {
  return fb.group({ name: [group.name], monitors: fb.array(group.monitors.map((row) => buildMonitorRow(fb, row))) });
}

/** The reactive form of a status page; its raw value is exactly a `StatusPageFormValue`. */
export function buildPageForm(fb: NonNullableFormBuilder, value: StatusPageFormValue) {
  return fb.group({
    slug: [value.slug],
    title: [value.title],
    description: [value.description],
    showTargets: [value.showTargets],
    groups: fb.array(value.groups.map((group) => buildGroup(fb, group))),
  });
}

export type StatusPageFormGroup = ReturnType<typeof buildPageForm>;
export type PageGroupForm = ReturnType<typeof buildGroup>;

/**
 * Fills the form with a saved page. The lists are resized first, as `setValue` needs, keeping the controls already
 * there: the views drawn for them stay rather than being torn down and drawn again.
 */
export function fillPageForm(fb: NonNullableFormBuilder, form: StatusPageFormGroup, value: StatusPageFormValue): void {
  const groups = form.controls.groups;
  resize(groups, value.groups.length, () => buildGroup(fb, emptyGroup()));
  value.groups.forEach((group, g) =>
    resize(groups.at(g).controls.monitors, group.monitors.length, () => buildMonitorRow(fb, { monitorId: '', displayName: '' })),
  );
  form.setValue(value);
}

function resize<C extends AbstractControl>(list: FormArray<C>, length: number, build: () => C): void {
  while (list.length > length) list.removeAt(list.length - 1, { emitEvent: false });
  while (list.length < length) list.push(build(), { emitEvent: false });
}

/** Mirrors the messages onto the inputs, so Material marks them invalid and shows their `mat-error`. */
export function markControls(form: StatusPageFormGroup, errors: PageFormErrors): void {
  const mark = (control: AbstractControl, message: string | undefined) => control.setErrors(message ? { contract: message } : null);
  const { slug, title, description, groups } = form.controls;
  mark(slug, errors.fields['slug']);
  mark(title, errors.fields['title']);
  mark(description, errors.fields['description']);
  groups.controls.forEach((group, g) => {
    mark(group.controls.name, errors.fields[`groups.${g}.name`]);
    for (const row of group.controls.monitors.controls)
      mark(row.controls.displayName, errors.fields[`displayNames.${row.controls.monitorId.value}`]);
  });
}
