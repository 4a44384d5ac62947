import { Injectable, inject, signal } from '@angular/core';
import type { Channel, ChannelInput, ChannelTestDraft, ChannelTestResult } from '@mini-netumo/contracts';
import { messageOf } from '../../trpc/error-message';
import { TRPC, type TrpcClient } from '../../trpc/trpc';

/** What a delete did: the monitors that alerted the channel and no longer do. */
export type ChannelDeleted = Awaited<ReturnType<TrpcClient['channels']['delete']['mutate']>>;

/** Every channel, secrets masked; reloaded after each change (there are few). */
@Injectable({ providedIn: 'root' })
export class ChannelStore {
  private readonly trpc = inject(TRPC);

  readonly channels = signal<readonly Channel[] | null>(null);
  readonly error = signal<string | null>(null);

  async load(): Promise<void> {
    try {
      this.channels.set(await this.trpc.channels.list.query());
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  get(id: string): Promise<Channel> {
    return this.trpc.channels.get.query({ id });
  }

  async save(input: ChannelInput, id?: string): Promise<Channel> {
    const saved = id ? await this.trpc.channels.update.mutate({ ...input, id }) : await this.trpc.channels.create.mutate(input);
    void this.load();
    return saved;
  }

  /** Rejects with the server's reason when it refuses (the channel is another one's fallback). */
  async delete(id: string): Promise<ChannelDeleted> {
    const result = await this.trpc.channels.delete.mutate({ id });
    await this.load();
    return result;
  }

  async test(id: string): Promise<ChannelTestResult> {
    const result = await this.trpc.channels.test.mutate({ id });
    void this.load();
    return result;
  }

  /** The channels a saved monitor alerts (monitors.list leaves them out). */
  async monitorChannelIds(monitorId: string): Promise<string[]> {
    const monitor = await this.trpc.monitors.get.query({ id: monitorId });
    return monitor.channelIds ?? [];
  }

  testDraft(draft: ChannelTestDraft): Promise<ChannelTestResult> {
    return this.trpc.channels.testDraft.mutate(draft);
  }
}
