import { ChangeDetectionStrategy, Component, effect, inject, input, model, untracked } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ChannelStore } from '../data-access/channel-store';

/**
 * The channels a monitor alerts. `selected` stays null until we know it (the saved list, or the default
 * channels for a new monitor), so a form saved before the channels loaded leaves the server's choice alone.
 */
@Component({
  selector: 'app-channel-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule, RouterLink],
  template: `
    <mat-form-field appearance="outline" class="picker">
      <mat-label>Alert channels</mat-label>
      <mat-select multiple data-field="channelIds" [value]="selected() ?? []" (valueChange)="selected.set($event)">
        @for (channel of store.channels() ?? []; track channel.id) {
          <mat-option [value]="channel.id">{{ channel.name }} ({{ channel.kind }}){{ channel.isDefault ? ' · default' : '' }}</mat-option>
        }
      </mat-select>
      @if ((store.channels() ?? []).length === 0) {
        <mat-hint>No channels yet: <a routerLink="/channels/new">add one</a></mat-hint>
      } @else {
        <mat-hint>Where this monitor's alerts go</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
  `,
})
export class ChannelPicker {
  /** The monitor being edited; absent when adding (then the default channels are preselected). */
  readonly monitorId = input<string>();
  readonly selected = model<string[] | null>(null);

  protected readonly store = inject(ChannelStore);

  constructor() {
    void this.store.load();
    effect(() => {
      const id = this.monitorId();
      if (id) {
        untracked(
          () =>
            void this.store.monitorChannelIds(id).then(
              (ids) => this.selected.set(ids),
              () => undefined,
            ),
        );
        return;
      }
      const channels = this.store.channels();
      if (channels && untracked(this.selected) === null) {
        this.selected.set(channels.filter((channel) => channel.isDefault).map((channel) => channel.id));
      }
    });
  }
}
