import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { maintenanceWindowInputSchema, type MaintenanceSchedule, type MaintenanceWindow } from '@mini-netumo/contracts';
import { MonitorStore } from '../../monitors/data-access/monitor-store';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { formErrors, NO_ERRORS, serverFormErrors, type MaintenanceFormErrors } from '../form-errors';
import { scheduleText, toScheduleInput } from '../schedule-text';

/** Monday first, as the checkboxes show them; the values are the contract's 0 = Sunday numbering. */
const WEEK = [
  { day: 1, name: 'Mon' },
  { day: 2, name: 'Tue' },
  { day: 3, name: 'Wed' },
  { day: 4, name: 'Thu' },
  { day: 5, name: 'Fri' },
  { day: 6, name: 'Sat' },
  { day: 0, name: 'Sun' },
];

/** Planned work: windows during which incidents do not notify; list, add (one-off, weekly or cron), delete. */
@Component({
  selector: 'app-maintenance-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './maintenance-list.html',
  styleUrl: './maintenance-list.scss',
})
export class MaintenanceList {
  private readonly trpc = inject(TRPC);
  private readonly store = inject(MonitorStore);
  private readonly datePipe = new DatePipe('en-US');

  protected readonly week = WEEK;
  protected readonly monitors = this.store.monitors;
  protected readonly monitorNames = computed(() => new Map(this.store.monitors().map((monitor) => [monitor.id, monitor.name])));
  protected readonly windows = signal<readonly MaintenanceWindow[] | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Messages of the last failed save, each beside its field; the server's come back the same way. */
  protected readonly errors = signal<MaintenanceFormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);

  protected readonly name = signal('');
  protected readonly monitorId = signal<string | null>(null);
  protected readonly type = signal<MaintenanceSchedule['type']>('once');
  protected readonly startsAt = signal('');
  protected readonly endsAt = signal('');
  protected readonly weekdays = signal<readonly number[]>([]);
  protected readonly startTime = signal('02:00');
  protected readonly expression = signal('0 2 * * sun');
  protected readonly durationMinutes = signal('60');
  protected readonly timeZone = signal(Intl.DateTimeFormat().resolvedOptions().timeZone);

  constructor() {
    this.store.load();
    void this.load();
  }

  protected describe(window: MaintenanceWindow): string {
    return scheduleText(window.schedule, (date) => this.datePipe.transform(date, 'medium') ?? date.toISOString());
  }

  protected toggleDay(day: number, on: boolean): void {
    this.weekdays.update((days) => (on ? [...days.filter((d) => d !== day), day] : days.filter((d) => d !== day)));
  }

  protected async create(): Promise<void> {
    if (this.saving()) return;
    const parsed = maintenanceWindowInputSchema.safeParse({
      name: this.name(),
      monitorId: this.monitorId(),
      schedule: toScheduleInput({
        type: this.type(),
        startsAt: this.startsAt(),
        endsAt: this.endsAt(),
        weekdays: this.weekdays(),
        startTime: this.startTime(),
        expression: this.expression(),
        durationMinutes: this.durationMinutes(),
        timeZone: this.timeZone(),
      }),
    });
    if (!parsed.success) {
      this.errors.set(formErrors(parsed.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message] as const)));
      return;
    }
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    try {
      await this.trpc.maintenanceWindows.create.mutate(parsed.data);
      this.name.set('');
      await this.load();
    } catch (error) {
      this.errors.set(serverFormErrors(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(window: MaintenanceWindow): Promise<void> {
    try {
      await this.trpc.maintenanceWindows.delete.mutate({ id: window.id });
      await this.load();
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  private async load(): Promise<void> {
    try {
      this.windows.set(await this.trpc.maintenanceWindows.list.query({}));
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }
}
