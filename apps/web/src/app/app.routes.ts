import type { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: 'incidents', loadChildren: () => import('./incidents/incidents.routes').then((m) => m.INCIDENT_ROUTES) },
  { path: 'expiring', loadChildren: () => import('./expiry/expiry.routes').then((m) => m.EXPIRY_ROUTES) },
  { path: '', loadChildren: () => import('./monitors/monitors.routes').then((m) => m.MONITOR_ROUTES) },
  { path: '**', redirectTo: '' },
];
