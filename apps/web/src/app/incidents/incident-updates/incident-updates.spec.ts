import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { IncidentDetail, IncidentPostUpdateInput, IncidentUpdate } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TRPC } from '../../trpc/trpc';
import { FIXTURE_INCIDENT_ID, incidentDetailFixture } from '../incident-detail-fixture';
import { IncidentUpdates } from './incident-updates';

const INCIDENT_ID = FIXTURE_INCIDENT_ID;
const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));
const update = (n: number, state: IncidentUpdate['state'], message: string, editedAt: Date | null = null): IncidentUpdate => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  incidentId: INCIDENT_ID,
  state,
  message,
  postedAt: at(n),
  editedAt,
});
const detail = (updates: IncidentUpdate[]): IncidentDetail => incidentDetailFixture({ openedAt: at(0), updates });

describe('IncidentUpdates', () => {
  let fixture: ComponentFixture<IncidentUpdates>;
  let postUpdate: ReturnType<typeof vi.fn<(input: IncidentPostUpdateInput) => Promise<IncidentUpdate>>>;
  let changed: number;

  const element = () => fixture.nativeElement as HTMLElement;
  const shown = () =>
    [...element().querySelectorAll('[data-testid="incident-update"]')].map((item) => ({
      state: item.querySelector('[data-testid="update-state"]')?.textContent?.trim(),
      message: item.querySelector('[data-testid="update-message"]')?.textContent,
      edited: item.querySelector('[data-testid="update-edited"]') !== null,
    }));
  const message = () => element().querySelector<HTMLTextAreaElement>('[data-testid="post-update-message"]');
  const post = async () => {
    element().querySelector<HTMLButtonElement>('[data-testid="post-update"]')?.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    postUpdate = vi.fn(async (input: IncidentPostUpdateInput) => update(3, input.state, input.message));
    TestBed.configureTestingModule({ providers: [{ provide: TRPC, useValue: { incidents: { postUpdate: { mutate: postUpdate } } } }] });
    fixture = TestBed.createComponent(IncidentUpdates);
    fixture.componentRef.setInput(
      'incident',
      detail([update(1, 'investigating', 'Checkout fails.'), update(2, 'identified', 'A bad deploy.\nRolling back.', at(3))]),
    );
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    await fixture.whenStable();
  });

  it('lists the updates newest first, line breaks kept, edited ones marked', () => {
    expect(shown()).toEqual([
      { state: 'Identified', message: 'A bad deploy.\nRolling back.', edited: true },
      { state: 'Investigating', message: 'Checkout fails.', edited: false },
    ]);
  });

  it('posts the chosen state with the message, then clears the message and asks for a reload', async () => {
    const state = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await state.clickOptions({ text: 'Monitoring' });
    const input = message();
    if (!input) throw new Error('no message input');
    input.value = 'Fix deployed.\nWatching the error rate.';
    input.dispatchEvent(new Event('input'));
    await post();

    expect(postUpdate).toHaveBeenCalledWith({ id: INCIDENT_ID, state: 'monitoring', message: 'Fix deployed.\nWatching the error rate.' });
    expect(changed).toBe(1);
    expect(message()?.value).toBe('');
    expect(await state.getValueText()).toBe('Monitoring');
  });

  it('sends nothing without a message, and says why', async () => {
    await post();
    expect(postUpdate).not.toHaveBeenCalled();
    expect(element().querySelector('[data-testid="post-update-form"] mat-error')?.textContent?.trim()).toBe('message is required');
    expect(changed).toBe(0);
  });
});
