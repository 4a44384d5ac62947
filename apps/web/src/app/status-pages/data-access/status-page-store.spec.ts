import { TestBed } from '@angular/core/testing';
import type { LiveEvent, StatusPage, StatusPageInput } from '@mini-netumo/contracts';
import type { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { fakeLiveEvents } from '../../live/live-events-fake';
import { TRPC } from '../../trpc/trpc';
import { aStatusPage } from './status-page-fixtures';
import { StatusPageStore } from './status-page-store';

const SHOP = aStatusPage({ id: '00000000-0000-4000-8000-0000000000c1', title: 'Shop status', slug: 'shop' });
const API = aStatusPage({ id: '00000000-0000-4000-8000-0000000000c2', title: 'API status', slug: 'api' });

describe('StatusPageStore', () => {
  let events: Subject<LiveEvent>;
  let connected: Subject<void>;
  let list: ReturnType<typeof vi.fn<() => Promise<StatusPage[]>>>;
  let create: ReturnType<typeof vi.fn<(input: StatusPageInput) => Promise<StatusPage>>>;
  let remove: ReturnType<typeof vi.fn<(input: { id: string }) => Promise<{ id: string }>>>;
  let store: StatusPageStore;

  const titles = () => store.pages()?.map((page) => page.title);

  beforeEach(() => {
    const live = fakeLiveEvents();
    ({ events, connected } = live);
    list = vi.fn<() => Promise<StatusPage[]>>().mockResolvedValue([SHOP]);
    create = vi.fn<(input: StatusPageInput) => Promise<StatusPage>>().mockResolvedValue(API);
    remove = vi.fn(async ({ id }: { id: string }) => ({ id }));
    TestBed.configureTestingModule({
      providers: [
        {
          provide: TRPC,
          useValue: { statusPages: { list: { query: list }, create: { mutate: create }, delete: { mutate: remove } } },
        },
        { provide: LiveEvents, useValue: live },
      ],
    });
    store = TestBed.inject(StatusPageStore);
  });

  it('loads nothing until a page asks; loading until the list arrives', async () => {
    expect(list).not.toHaveBeenCalled();
    expect(store.loading()).toBe(true);
    await store.load();
    expect(list).toHaveBeenCalledTimes(1);
    expect(titles()).toEqual(['Shop status']);
    expect(store.loading()).toBe(false);
  });

  it('reports a failed load, and clears it on the next good one', async () => {
    list.mockRejectedValueOnce(new Error('fetch failed'));
    await store.load();
    expect(store.error()).toBe('fetch failed');
    expect(store.loading()).toBe(false);
    await store.load();
    expect(store.error()).toBeNull();
    expect(titles()).toEqual(['Shop status']);
  });

  it('creates through the client and lists the new page at once, by title', async () => {
    await store.load();
    const input: StatusPageInput = { slug: 'api', title: 'API status', groups: [{ name: 'Services', monitorIds: [] }] };
    await expect(store.create(input)).resolves.toEqual(API);
    expect(create).toHaveBeenCalledWith(input);
    expect(titles()).toEqual(['API status', 'Shop status']);
  });

  it('drops a deleted page', async () => {
    await store.load();
    await store.delete(SHOP.id);
    expect(remove).toHaveBeenCalledWith({ id: SHOP.id });
    expect(titles()).toEqual([]);
  });

  it('reloads on status-page.changed and on reconnection, once loaded', async () => {
    events.next({ type: 'status-page.changed', pageId: API.id, slug: API.slug });
    connected.next();
    expect(list).not.toHaveBeenCalled();

    await store.load();
    list.mockResolvedValue([API, SHOP]);
    events.next({ type: 'status-page.changed', pageId: API.id, slug: API.slug });
    await vi.waitFor(() => expect(titles()).toEqual(['API status', 'Shop status']));
    expect(list).toHaveBeenCalledTimes(2);

    events.next({ type: 'monitor.deleted', monitorId: '00000000-0000-4000-8000-00000000000a' });
    connected.next();
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(3));
  });

  it('keeps only the latest answer when lists overtake each other', async () => {
    let answerFirst: (pages: StatusPage[]) => void = () => undefined;
    list.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve))).mockResolvedValueOnce([API, SHOP]);
    const first = store.load();
    await store.load();
    answerFirst([SHOP]);
    await first;
    expect(titles()).toEqual(['API status', 'Shop status']);
  });
});
