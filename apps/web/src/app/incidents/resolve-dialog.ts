import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** Asks for an optional note; closes with `{ note }` when the user resolves, undefined when they cancel. */
@Component({
  selector: 'app-resolve-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Resolve incident</h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="note">
        <mat-label>Note (optional)</mat-label>
        <textarea
          matInput
          rows="3"
          maxlength="2000"
          data-testid="resolve-note"
          [value]="note()"
          (input)="note.set($any($event.target).value)"
        ></textarea>
        <mat-hint>What was done; the channels that heard about the incident are told it is resolved</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="{ note: note().trim() || undefined }" data-testid="confirm-resolve">
        Resolve
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .note {
      width: min(440px, 80vw);
    }
  `,
})
export class ResolveDialog {
  protected readonly note = signal('');
}
