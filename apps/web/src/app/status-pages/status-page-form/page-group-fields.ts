import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { describeMonitorTarget, type Monitor } from '@mini-netumo/contracts';
import type { PageFormErrors } from './form-errors';
import { buildMonitorRow, type PageGroupForm, type PageGroupValue } from './form-model';

/** The most monitors the search offers at once: a fleet can hold thousands. */
const MAX_CHOICES = 50;

/** One group of a status page: its name, its monitors in order, each with an optional public name, and a search to add more. */
@Component({
  selector: 'app-page-group-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './page-group-fields.html',
  styleUrl: './page-group-fields.scss',
})
export class PageGroupFields {
  readonly group = input.required<PageGroupForm>();
  /** The group's value: passed in, so this view follows the form under OnPush. */
  readonly value = input.required<PageGroupValue>();
  readonly index = input.required<number>();
  readonly monitors = input.required<readonly Monitor[]>();
  /** Monitors on the page, in any group: a monitor shows once per page. */
  readonly onPage = input.required<ReadonlySet<string>>();
  readonly errors = input.required<PageFormErrors>();
  readonly remove = output<void>();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly query = new FormControl('', { nonNullable: true });
  private readonly queryText = toSignal(this.query.valueChanges, { initialValue: '' });
  private readonly byId = computed(() => new Map(this.monitors().map((monitor) => [monitor.id, monitor])));

  protected readonly choices = computed(() => {
    const words = this.queryText().trim().toLowerCase();
    const onPage = this.onPage();
    const free = this.monitors().filter((monitor) => !onPage.has(monitor.id));
    const matching = words
      ? free.filter((monitor) => `${monitor.name} ${describeMonitorTarget(monitor)}`.toLowerCase().includes(words))
      : free;
    return matching.slice(0, MAX_CHOICES);
  });

  /** Where this group's messages are kept: `name`, `monitorIds`, `monitorIds.1`. */
  protected key(field: string): string {
    return `groups.${this.index()}.${field}`;
  }

  protected nameOf(monitorId: string): string {
    return this.byId().get(monitorId)?.name ?? 'Unknown monitor';
  }

  protected targetOf(monitorId: string): string {
    const monitor = this.byId().get(monitorId);
    return monitor ? describeMonitorTarget(monitor) : monitorId;
  }

  protected describe(monitor: Monitor): string {
    return describeMonitorTarget(monitor);
  }

  protected add(monitorId: string): void {
    this.group().controls.monitors.push(buildMonitorRow(this.fb, { monitorId, displayName: '' }));
    // The autocomplete wrote the id into the search; start the next search from nothing.
    this.query.setValue('');
  }

  protected removeMonitor(index: number): void {
    this.group().controls.monitors.removeAt(index);
  }

  protected move(index: number, by: -1 | 1): void {
    const rows = this.group().controls.monitors;
    const row = rows.at(index);
    rows.removeAt(index, { emitEvent: false });
    rows.insert(index + by, row);
  }
}
