import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { FieldErrors } from '../../../../trpc/field-errors';
import type { HttpFormField, HttpFormGroup } from './http-form';

/** What an HTTP monitor calls and which answers count as up; the rest is in the Advanced panel. */
@Component({
  selector: 'app-http-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  template: `
    @let g = group().controls;
    @let e = errors().fields;
    <mat-form-field appearance="outline" class="wide">
      <mat-label>URL</mat-label>
      <input
        matInput
        [formControl]="g.url"
        data-field="url"
        type="url"
        inputmode="url"
        autocomplete="url"
        placeholder="https://example.com/health"
      />
      <mat-hint>http:// or https://, without a user name or password</mat-hint>
      @if (e.url; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>

    <mat-form-field appearance="outline">
      <mat-label>Expected status codes</mat-label>
      <input matInput [formControl]="g.expectedStatusCodes" data-field="expectedStatusCodes" autocomplete="off" />
      <mat-hint>Codes and ranges, such as 200-299,301</mat-hint>
      @if (e.expectedStatusCodes; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styleUrl: '../form-section.scss',
})
export class HttpFields {
  readonly group = input.required<HttpFormGroup>();
  readonly errors = input.required<FieldErrors<HttpFormField>>();
}
