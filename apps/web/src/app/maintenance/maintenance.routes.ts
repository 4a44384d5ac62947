import type { Routes } from '@angular/router';

export const MAINTENANCE_ROUTES: Routes = [
  {
    path: '',
    title: 'Maintenance · mini-netumo',
    loadComponent: () => import('./maintenance-list/maintenance-list').then((m) => m.MaintenanceList),
  },
];
