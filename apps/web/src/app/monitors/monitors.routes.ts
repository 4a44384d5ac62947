import type { Routes } from '@angular/router';

export const MONITOR_ROUTES: Routes = [
  {
    path: 'monitors/new',
    title: 'Add monitor · mini-netumo',
    loadComponent: () => import('./monitor-form/monitor-form').then((m) => m.MonitorForm),
  },
  {
    path: 'monitors/:id/edit',
    title: 'Edit monitor · mini-netumo',
    loadComponent: () => import('./monitor-form/monitor-form').then((m) => m.MonitorForm),
  },
  {
    path: 'monitors/:id',
    title: 'Monitor · mini-netumo',
    loadComponent: () => import('./monitor-detail/monitor-detail').then((m) => m.MonitorDetail),
  },
];
