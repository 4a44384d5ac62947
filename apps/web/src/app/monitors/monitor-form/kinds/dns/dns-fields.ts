import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DNS_RECORD_TYPES } from '@mini-netumo/contracts';
import type { FieldErrors } from '../../../../trpc/field-errors';
import type { DnsFormField, DnsFormGroup } from './dns-form';

/** A record that must resolve, through a chosen resolver or the system's, optionally to a given value. */
@Component({
  selector: 'app-dns-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    @let f = group().controls;
    @let e = errors().fields;
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Hostname</mat-label>
      <input matInput [formControl]="f.hostname" data-field="hostname" autocomplete="off" spellcheck="false" placeholder="example.com" />
      <mat-hint>The name to look up</mat-hint>
      @if (e.hostname; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>

    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Record type</mat-label>
      <mat-select [formControl]="f.recordType" data-field="recordType">
        @for (type of recordTypes; track type) {
          <mat-option [value]="type">{{ type }}</mat-option>
        }
      </mat-select>
      @if (e.recordType; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>

    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Resolver (optional)</mat-label>
      <input
        matInput
        [formControl]="f.resolver"
        data-field="resolver"
        autocomplete="off"
        spellcheck="false"
        placeholder="9.9.9.9 or [2620:fe::fe]:53"
      />
      <mat-hint>An IP address, port 53 unless given; empty: the system resolver</mat-hint>
      @if (e.resolver; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>

    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Expected answer (optional)</mat-label>
      <input matInput [formControl]="f.expected" data-field="expected" autocomplete="off" spellcheck="false" />
      <mat-hint>Some answer must contain it (A, AAAA: equal it); empty: any answer</mat-hint>
      @if (e.expected; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styleUrl: '../form-section.scss',
})
export class DnsFields {
  readonly group = input.required<DnsFormGroup>();
  readonly errors = input.required<FieldErrors<DnsFormField>>();

  protected readonly recordTypes = DNS_RECORD_TYPES;
}
