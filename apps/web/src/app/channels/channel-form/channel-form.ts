import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { CHANNEL_KINDS, channelInputSchema, type Channel, type ChannelInput, type ChannelKind } from '@mini-netumo/contracts';
import { messageOf } from '../../trpc/error-message';
import { ChannelStore } from '../data-access/channel-store';
import { configFields, labelOf, secretHint, toConfig, toInputText, type ConfigField } from './config-fields';
import { testResultText } from './test-result';

/** Messages keyed by contract path (`name`, `config.url`, …); `form` holds what belongs to no field. */
type Errors = Readonly<Record<string, string>>;

/** Add (no id) or edit a channel; the config inputs come from the kind's contract schema. */
@Component({
  selector: 'app-channel-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink],
  templateUrl: './channel-form.html',
  styleUrl: './channel-form.scss',
})
export class ChannelForm {
  /** Bound from the `:id` route parameter; absent when adding. */
  readonly id = input<string>();

  private readonly store = inject(ChannelStore);
  private readonly router = inject(Router);

  protected readonly kinds = CHANNEL_KINDS;
  protected readonly labelOf = labelOf;
  protected readonly secretHint = secretHint;
  protected readonly editing = computed(() => this.id() !== undefined);

  protected readonly name = signal('');
  protected readonly kind = signal<ChannelKind>('webhook');
  protected readonly enabled = signal(true);
  protected readonly isDefault = signal(false);
  protected readonly systemNotices = signal(false);
  protected readonly fallbackChannelId = signal<string | null>(null);
  protected readonly reminder = signal('');
  protected readonly texts = signal<Partial<Record<string, string>>>({});

  protected readonly fields = computed(() => configFields(this.kind()));
  protected readonly fallbacks = computed(() => (this.store.channels() ?? []).filter((channel) => channel.id !== this.id()));
  protected readonly errors = signal<Errors>({});
  protected readonly saving = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly testResult = signal<{ ok: boolean; text: string } | null>(null);

  constructor() {
    void this.store.load();
    effect(() => {
      const id = this.id();
      if (id) untracked(() => void this.prefill(id));
    });
  }

  protected setText(key: string, value: string): void {
    this.texts.update((texts) => ({ ...texts, [key]: value }));
  }

  protected inputType(field: ConfigField): string {
    return field.secret && field.type === 'text' ? 'password' : 'text';
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    const input = this.validate();
    if (!input) return;
    this.saving.set(true);
    try {
      await this.store.save(input, this.id());
      await this.router.navigate(['/channels']);
    } catch (error) {
      this.errors.set({ form: messageOf(error) });
    } finally {
      this.saving.set(false);
    }
  }

  protected async sendTest(): Promise<void> {
    const input = this.validate();
    if (!input) return;
    this.testResult.set({ ok: true, text: 'Sending…' });
    try {
      const result = await this.store.testDraft({ kind: input.kind, config: input.config, id: this.id() } as Parameters<
        ChannelStore['testDraft']
      >[0]);
      this.testResult.set({ ok: result.ok, text: testResultText(result) });
    } catch (error) {
      this.testResult.set({ ok: false, text: messageOf(error) });
    }
  }

  /** The form as a channel input, checked by the contract schema; null (and messages shown) when invalid. */
  private validate(): ChannelInput | null {
    const reminder = this.reminder().trim();
    const raw = {
      name: this.name(),
      kind: this.kind(),
      config: toConfig(this.fields(), this.texts()),
      enabled: this.enabled(),
      isDefault: this.isDefault(),
      systemNotices: this.systemNotices(),
      fallbackChannelId: this.fallbackChannelId(),
      reminderIntervalMinutes: reminder === '' ? null : Number(reminder),
    };
    const parsed = channelInputSchema.safeParse(raw);
    if (parsed.success) {
      this.errors.set({});
      // Send what the user typed (masked secrets included) rather than the parsed output.
      return raw as ChannelInput;
    }
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const key = this.fields().some((field) => path === `config.${field.key}` || path.startsWith(`config.${field.key}.`))
        ? `config.${path.split('.')[1]}`
        : ['name', 'reminderIntervalMinutes', 'fallbackChannelId'].includes(path)
          ? path
          : 'form';
      errors[key] ??= issue.message;
    }
    this.errors.set(errors);
    return null;
  }

  private async prefill(id: string): Promise<void> {
    try {
      this.show(await this.store.get(id));
    } catch (error) {
      this.loadError.set(messageOf(error));
    }
  }

  private show(channel: Channel): void {
    this.name.set(channel.name);
    this.kind.set(channel.kind);
    this.enabled.set(channel.enabled);
    this.isDefault.set(channel.isDefault);
    this.systemNotices.set(channel.systemNotices);
    this.fallbackChannelId.set(channel.fallbackChannelId);
    this.reminder.set(channel.reminderIntervalMinutes === null ? '' : String(channel.reminderIntervalMinutes));
    const config = channel.config as Record<string, unknown>;
    this.texts.set(Object.fromEntries(configFields(channel.kind).map((field) => [field.key, toInputText(field, config[field.key])])));
  }
}
