import type { StatusPage } from '@mini-netumo/contracts';

/** Test data only. */
export function aStatusPage(overrides: Partial<StatusPage> = {}): StatusPage {
  const slug = overrides.slug ?? 'shop';
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    slug,
    title: 'Shop status',
    description: null,
    showTargets: false,
    displayNames: {},
    groups: [{ name: 'Services', monitorIds: [] }],
    publicUrl: `https://status.example/status/${slug}`,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}
