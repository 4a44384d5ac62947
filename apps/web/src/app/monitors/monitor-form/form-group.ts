import type { AbstractControl, NonNullableFormBuilder } from '@angular/forms';
import { MONITOR_KINDS, type MonitorKind } from '@mini-netumo/contracts';
import { COMMON_FIELDS, kindFieldsOf, type FormErrors } from './form-errors';
import type { MonitorFormValue } from './form-model';
import type { KindFormValues } from './kinds/kind-form';
import { KIND_FORMS } from './kinds/kind-forms';

/** The reactive form of a monitor; its raw value is exactly a `MonitorFormValue`. */
export function buildMonitorFormGroup(fb: NonNullableFormBuilder, value: MonitorFormValue) {
  const { byKind } = value;
  return fb.group({
    kind: fb.control<MonitorKind>(value.kind),
    name: [value.name],
    intervalSeconds: [value.intervalSeconds],
    timeoutMs: [value.timeoutMs],
    failureThreshold: [value.failureThreshold],
    retries: [value.retries],
    retryDelayMs: [value.retryDelayMs],
    recoveryThreshold: [value.recoveryThreshold],
    tlsAlertDays: [value.tlsAlertDays],
    domainAlertDays: [value.domainAlertDays],
    expiryReminderDays: [value.expiryReminderDays],
    byKind: fb.group({
      http: KIND_FORMS.http.build(fb, byKind.http),
      tcp: KIND_FORMS.tcp.build(fb, byKind.tcp),
      dns: KIND_FORMS.dns.build(fb, byKind.dns),
      heartbeat: KIND_FORMS.heartbeat.build(fb, byKind.heartbeat),
    }),
  });
}

export type MonitorFormGroup = ReturnType<typeof buildMonitorFormGroup>;

/** Fills the form with a saved monitor's value (lists resized first, as `setValue` needs). */
export function fillMonitorForm(fb: NonNullableFormBuilder, form: MonitorFormGroup, value: MonitorFormValue): void {
  for (const kind of MONITOR_KINDS) fitKind(fb, form, kind, value.byKind);
  form.setValue(value);
}

function fitKind<K extends MonitorKind>(fb: NonNullableFormBuilder, form: MonitorFormGroup, kind: K, values: KindFormValues): void {
  KIND_FORMS[kind].fit(fb, form.controls.byKind.controls[kind], values[kind]);
}

/**
 * Mirrors the messages onto the controls, so Material marks the fields invalid and shows `mat-error`. Only
 * the chosen kind's controls get messages; the others' are cleared, so a switch leaves nothing stale behind.
 */
export function markControls(form: MonitorFormGroup, kind: MonitorKind, errors: FormErrors): void {
  const mark = (control: AbstractControl | null, message: string | undefined) => control?.setErrors(message ? { contract: message } : null);
  for (const field of COMMON_FIELDS) mark(form.get(field), errors.fields[field]);
  for (const other of MONITOR_KINDS) {
    for (const field of kindFieldsOf(other)) {
      mark(form.get(['byKind', other, ...field.split('.')]), other === kind ? errors.fields[field] : undefined);
    }
  }
}
