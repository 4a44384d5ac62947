import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { provideRouter, Router } from '@angular/router';
import type { StatusPage, StatusPageInput, StatusPageUpdateInput } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { aMonitor } from '../../monitors/data-access/monitor-fixtures';
import { MonitorStore } from '../../monitors/data-access/monitor-store';
import { StatusPageStore } from '../data-access/status-page-store';
import { aStatusPage } from '../data-access/status-page-fixtures';
import { StatusPageForm } from './status-page-form';

const SHOP = aMonitor({ id: '00000000-0000-4000-8000-00000000000a', name: 'Shop', url: 'https://shop.example' });
const API = aMonitor({ id: '00000000-0000-4000-8000-00000000000b', name: 'API', url: 'https://api.example' });
const SAVED = aStatusPage({
  groups: [{ name: 'Services', monitorIds: [SHOP.id, API.id] }],
  displayNames: { [API.id]: 'Public API' },
});

describe('StatusPageForm', () => {
  let fixture: ComponentFixture<StatusPageForm>;
  let create: ReturnType<typeof vi.fn<(input: StatusPageInput) => Promise<StatusPage>>>;
  let update: ReturnType<typeof vi.fn<(input: StatusPageUpdateInput) => Promise<StatusPage>>>;
  let navigate: MockInstance<Router['navigate']>;

  const element = () => fixture.nativeElement as HTMLElement;
  const control = (selector: string) => {
    const found = element().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  const type = (selector: string, value: string) => {
    const input = control(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const click = async (selector: string, index = 0) => {
    element().querySelectorAll<HTMLButtonElement>(selector)[index]?.click();
    await settle();
  };
  const errorOf = (selector: string) =>
    control(selector).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
  const rowErrors = () =>
    [...element().querySelectorAll('[data-testid="page-monitor"] .field-error')].map((error) => error.textContent?.trim());
  const rowNames = () => [...element().querySelectorAll('[data-testid="page-monitor-name"]')].map((name) => name.textContent?.trim());

  /** Picks a monitor in the group's search, as a person would. */
  async function addMonitor(group: number, name: string): Promise<void> {
    const pickers = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatAutocompleteHarness);
    await pickers[group].enterText(name);
    await pickers[group].selectOption({ text: new RegExp(`^${name}\\b`) });
    await settle();
  }

  async function mount(id?: string): Promise<void> {
    create = vi.fn<(input: StatusPageInput) => Promise<StatusPage>>().mockResolvedValue(SAVED);
    update = vi.fn<(input: StatusPageUpdateInput) => Promise<StatusPage>>().mockResolvedValue(SAVED);
    TestBed.configureTestingModule({
      imports: [StatusPageForm],
      providers: [
        provideRouter([]),
        { provide: StatusPageStore, useValue: { get: async () => SAVED, create, update } },
        { provide: MonitorStore, useValue: { monitors: signal([API, SHOP]), load: () => undefined } },
      ],
    });
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(StatusPageForm);
    if (id) fixture.componentRef.setInput('id', id);
    await settle();
  }

  describe('adding', () => {
    beforeEach(() => mount());

    it('sends the groups in order with the public names typed, then goes back to the list', async () => {
      type('[data-field="title"]', 'Acme status');
      type('[data-field="slug"]', 'acme');
      control('[data-testid="show-targets"] input').click();
      type('[data-field="groups.0.name"]', 'Web');
      await addMonitor(0, 'Shop');
      type(`[data-field="displayNames.${SHOP.id}"]`, 'Storefront');
      await click('[data-testid="add-group"]');
      type('[data-field="groups.1.name"]', 'Backend');
      await addMonitor(1, 'API');
      expect(rowNames()).toEqual(['Shop', 'API']);

      await click('[data-testid="save-status-page"]');
      expect(create).toHaveBeenCalledWith({
        slug: 'acme',
        title: 'Acme status',
        description: null,
        showTargets: true,
        groups: [
          { name: 'Web', monitorIds: [SHOP.id] },
          { name: 'Backend', monitorIds: [API.id] },
        ],
        displayNames: { [SHOP.id]: 'Storefront' },
      });
      expect(navigate).toHaveBeenCalledWith(['/status-pages']);
    });

    it('offers each monitor once per page', async () => {
      await addMonitor(0, 'Shop');
      const [picker] = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatAutocompleteHarness);
      // Both monitors' URLs match; only the one not yet on the page is offered.
      await picker.enterText('example');
      const offered = await Promise.all((await picker.getOptions()).map((option) => option.getText()));
      expect(offered).toEqual([expect.stringMatching(/^API/)]);
    });

    it('checks the contract before asking the server', async () => {
      await click('[data-testid="save-status-page"]');
      expect(create).not.toHaveBeenCalled();
      expect(errorOf('[data-field="title"]')).toBe('title is required');
      expect(errorOf('[data-field="slug"]')).toMatch(/^slug must be 1–64 lowercase letters/);
    });

    it("shows the server's field errors beside their fields and keeps what was typed", async () => {
      type('[data-field="title"]', 'Acme status');
      type('[data-field="slug"]', 'acme');
      await addMonitor(0, 'Shop');
      create.mockRejectedValueOnce(
        Object.assign(new Error(`monitorIds: monitor ${SHOP.id} does not exist`), {
          data: { fieldErrors: { 'groups.0.monitorIds.0': `monitorIds: monitor ${SHOP.id} does not exist` } },
        }),
      );
      await click('[data-testid="save-status-page"]');
      expect(rowErrors()).toEqual([`monitorIds: monitor ${SHOP.id} does not exist`]);

      create.mockRejectedValueOnce(
        Object.assign(new Error('slug: a status page at /status/acme exists already'), { data: { code: 'CONFLICT' } }),
      );
      await click('[data-testid="save-status-page"]');
      expect(errorOf('[data-field="slug"]')).toBe('slug: a status page at /status/acme exists already');
      expect(rowErrors()).toEqual([]);
      expect(element().querySelector('[data-testid="form-error"]')).toBeNull();
      expect(control('[data-field="slug"]').value).toBe('acme');
      expect(rowNames()).toEqual(['Shop']);
      expect(navigate).not.toHaveBeenCalled();
    });
  });

  describe('editing', () => {
    beforeEach(() => mount(SAVED.id));

    it('shows the saved page and sends the reordered groups and names', async () => {
      await vi.waitFor(async () => {
        await settle();
        expect(rowNames()).toEqual(['Shop', 'API']);
      });
      expect(control(`[data-field="displayNames.${API.id}"]`).value).toBe('Public API');

      await click('[aria-label="Move API up"]');
      expect(rowNames()).toEqual(['API', 'Shop']);
      type(`[data-field="displayNames.${API.id}"]`, ' ');
      await click('[data-testid="save-status-page"]');
      expect(update).toHaveBeenCalledWith(
        expect.objectContaining({
          id: SAVED.id,
          slug: 'shop',
          groups: [{ name: 'Services', monitorIds: [API.id, SHOP.id] }],
          displayNames: {},
        }),
      );
    });
  });
});
