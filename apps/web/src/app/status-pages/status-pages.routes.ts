import type { Routes } from '@angular/router';

export const STATUS_PAGE_ROUTES: Routes = [
  {
    path: '',
    title: 'Status pages · mini-netumo',
    loadComponent: () => import('./status-page-list/status-page-list').then((m) => m.StatusPageList),
  },
  {
    path: 'new',
    title: 'Add status page · mini-netumo',
    loadComponent: () => import('./status-page-form/status-page-form').then((m) => m.StatusPageForm),
  },
  {
    path: ':id',
    title: 'Edit status page · mini-netumo',
    loadComponent: () => import('./status-page-form/status-page-form').then((m) => m.StatusPageForm),
  },
];
