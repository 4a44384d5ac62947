import type { LiveEvent } from '@mini-netumo/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertDeliveries, channels, incidentEvents, incidents, monitors } from '../../db/schema';
import { createLogger } from '../../logging/logger';
import { domainContext, type DomainContext } from '../../runtime/domain-context';
import { openRuntime, type Runtime } from '../../runtime/runtime';
import { createTestDatabase, testAppConfig, waitFor, type TestDatabase } from '../../testing';
import { discardAlert } from './alert-service';

const logger = createLogger('test');

/** Discarding a dead letter on the real event bus: an incident page already open must hear of it. */
describe.each(['redis', 'postgres'] as const)('discarding a dead letter on the %s event bus', (backend) => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let ctx: DomainContext;
  const heard: LiveEvent[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, backend), logger);
    ctx = domainContext(runtime, logger);
    await runtime.events.subscribe((event) => heard.push(event));
  });
  afterAll(async () => {
    await runtime?.close();
    await testDb?.drop();
  });

  /** An incident with one delivery of its opening, in the given state. */
  async function deliveryIn(status: 'dead' | 'delivered') {
    const db = runtime.database.db;
    const [monitor] = await db
      .insert(monitors)
      .values({
        name: 'Shop',
        url: 'https://shop.example.test/',
        intervalSeconds: 60,
        timeoutMs: 5_000,
        expectedStatusCodes: '200-299',
        failureThreshold: 2,
      })
      .returning();
    const [channel] = await db.insert(channels).values({ name: 'Pager', kind: 'in-app', config: {} }).returning();
    if (!monitor || !channel) throw new Error('inserting the monitor or channel returned no row');
    const [incident] = await db
      .insert(incidents)
      .values({ monitorId: monitor.id, kind: 'down', state: 'open', openedAt: new Date(), cause: 'HTTP 500' })
      .returning();
    if (!incident) throw new Error('inserting the incident returned no row');
    const [event] = await db.insert(incidentEvents).values({ incidentId: incident.id, type: 'opened' }).returning();
    if (!event) throw new Error('inserting the event returned no row');
    const [delivery] = await db
      .insert(alertDeliveries)
      .values({
        eventId: event.id,
        incidentId: incident.id,
        channelId: channel.id,
        type: 'opened',
        status,
        lastError: 'HTTP 500',
        idempotencyKey: `${event.id}.${channel.id}`,
      })
      .returning();
    if (!delivery) throw new Error('inserting the delivery returned no row');
    return delivery;
  }

  it('deletes it, puts a line on the timeline and tells dashboards which incident it belonged to', async () => {
    const delivery = await deliveryIn('dead');
    await discardAlert(ctx, delivery.id);

    const event = await waitFor('the discard event', () =>
      heard.find((each) => each.type === 'alert.discarded' && each.deliveryId === delivery.id),
    );
    expect(event).toEqual({ type: 'alert.discarded', deliveryId: delivery.id, incidentId: delivery.incidentId });
    const db = runtime.database.db;
    expect(await db.select().from(alertDeliveries).where(eq(alertDeliveries.id, delivery.id))).toEqual([]);
    const lines = await db
      .select({ note: incidentEvents.note })
      .from(incidentEvents)
      .where(and(eq(incidentEvents.incidentId, delivery.incidentId), eq(incidentEvents.type, 'alert_discarded')));
    expect(lines).toEqual([{ note: 'opened notice discarded after: HTTP 500' }]);
  });

  it('refuses an alert that is not dead, and tells no one', async () => {
    const delivery = await deliveryIn('delivered');
    await expect(discardAlert(ctx, delivery.id)).rejects.toMatchObject({
      message: expect.stringContaining('only a dead alert can be discarded'),
    });
    // A later discard's event arriving proves the bus was listening when this one would have been sent.
    const other = await deliveryIn('dead');
    await discardAlert(ctx, other.id);
    await waitFor('the later discard event', () => heard.some((each) => each.type === 'alert.discarded' && each.deliveryId === other.id));
    expect(heard.filter((each) => each.type === 'alert.discarded' && each.deliveryId === delivery.id)).toEqual([]);
  });
});
