import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule, type FormControl, type FormGroup } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { INCIDENT_UPDATE_STATE_LABELS, INCIDENT_UPDATE_STATES, type IncidentUpdateState } from '@mini-netumo/contracts';

export type UpdateForm = FormGroup<{ state: FormControl<IncidentUpdateState>; message: FormControl<string> }>;

/** An update's state and message, the same for posting one and for editing one in place. */
@Component({
  selector: 'app-update-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './update-fields.html',
  styleUrl: './update-fields.scss',
})
export class UpdateFields {
  readonly form = input.required<UpdateForm>();
  /** Prefix of the fields' test ids: `post-update` or `edit-update`. */
  readonly testId = input.required<string>();

  protected readonly states = INCIDENT_UPDATE_STATES;
  protected readonly labels = INCIDENT_UPDATE_STATE_LABELS;
}
