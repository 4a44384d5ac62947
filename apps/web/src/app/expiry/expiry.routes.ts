import type { Routes } from '@angular/router';

export const EXPIRY_ROUTES: Routes = [
  {
    path: '',
    title: 'Expiring soon · mini-netumo',
    loadComponent: () => import('./expiring-soon/expiring-soon').then((m) => m.ExpiringSoon),
  },
];
