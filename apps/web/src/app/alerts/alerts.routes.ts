import type { Routes } from '@angular/router';

export const ALERT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dead' },
  {
    path: 'dead',
    title: 'Dead letters · mini-netumo',
    loadComponent: () => import('./dead-letters/dead-letters').then((m) => m.DeadLetters),
  },
];
