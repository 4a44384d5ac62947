import type { NonNullableFormBuilder } from '@angular/forms';
import type { AssertionType, HeaderRow, HttpMethod, JsonOp, MonitorFormValue } from './form-model';

/** The reactive form of a monitor; its raw value is exactly a `MonitorFormValue`. */
export function buildMonitorFormGroup(fb: NonNullableFormBuilder, value: MonitorFormValue) {
  return fb.group({
    name: [value.name],
    url: [value.url],
    intervalSeconds: [value.intervalSeconds],
    timeoutMs: [value.timeoutMs],
    expectedStatusCodes: [value.expectedStatusCodes],
    failureThreshold: [value.failureThreshold],
    method: fb.control<HttpMethod>(value.method),
    headers: fb.array(value.headers.map((row) => buildHeaderRow(fb, row))),
    body: [value.body],
    assertion: fb.group({
      type: fb.control<AssertionType>(value.assertion.type),
      value: [value.assertion.value],
      pattern: [value.assertion.pattern],
      flags: [value.assertion.flags],
      path: [value.assertion.path],
      op: fb.control<JsonOp>(value.assertion.op),
    }),
    maxBodyBytes: [value.maxBodyBytes],
    followRedirects: [value.followRedirects],
    maxRedirects: [value.maxRedirects],
    ignoreTlsErrors: [value.ignoreTlsErrors],
    retries: [value.retries],
    retryDelayMs: [value.retryDelayMs],
    recoveryThreshold: [value.recoveryThreshold],
    tlsAlertDays: [value.tlsAlertDays],
    domainAlertDays: [value.domainAlertDays],
    expiryReminderDays: [value.expiryReminderDays],
  });
}

export function buildHeaderRow(fb: NonNullableFormBuilder, row: HeaderRow) {
  return fb.group({ name: [row.name], value: [row.value] });
}

export type MonitorFormGroup = ReturnType<typeof buildMonitorFormGroup>;
