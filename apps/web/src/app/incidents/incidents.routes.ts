import type { Routes } from '@angular/router';

export const INCIDENT_ROUTES: Routes = [
  { path: '', title: 'Incidents · mini-netumo', loadComponent: () => import('./incident-list/incident-list').then((m) => m.IncidentList) },
  {
    path: ':id',
    title: 'Incident · mini-netumo',
    loadComponent: () => import('./incident-detail/incident-detail').then((m) => m.IncidentDetail),
  },
];
